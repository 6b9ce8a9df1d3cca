using System.Collections.Concurrent;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Answering;

/// <summary>
/// Published questionnaires are frozen, so each is read and parsed once per process instead of on every
/// page save and submission.
/// </summary>
public sealed class QuestionnaireCache
{
    readonly ConcurrentDictionary<Guid, QuestionnaireSnapshot> questionnaires = new();

    public async Task<QuestionnaireSnapshot> GetAsync(CollectionDbContext db, Guid surveyId, CancellationToken ct)
    {
        if (questionnaires.TryGetValue(surveyId, out var cached)) return cached;
        var json = await db.Surveys.Where(s => s.SurveyId == surveyId).Select(s => s.Questionnaire).SingleAsync(ct);
        return questionnaires.GetOrAdd(surveyId, StoredJson.Questionnaire(json));
    }
}
