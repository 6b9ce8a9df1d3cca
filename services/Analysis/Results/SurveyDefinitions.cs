using System.Collections.Concurrent;
using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Results;

/// <summary>A published survey's frozen questionnaire and the kernel's model of it.</summary>
public sealed record SurveyDefinition(Guid SurveyId, string MunicipalityCode, int Year, QuestionnaireSnapshot Questionnaire, AnalysisModel Model)
{
    /// <summary>Where the model's statistics sit in a <c>cell_statistics</c> row.</summary>
    public CellStatisticsLayout Layout { get; } = new(Model);

    public IEnumerable<QuestionSnapshot> Questions => Questionnaire.Sections.SelectMany(s => s.Questions);
    public QuestionSnapshot? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);
}

/// <summary>
/// Questionnaires are frozen when published, so the model derived from one never changes: it is built once per
/// survey and kept in memory for the consumers and the results endpoints.
/// </summary>
public sealed class SurveyDefinitions
{
    readonly ConcurrentDictionary<Guid, SurveyDefinition> cache = new();

    public async Task<SurveyDefinition?> FindAsync(AnalysisDbContext db, Guid surveyId, CancellationToken ct)
    {
        if (cache.TryGetValue(surveyId, out var known)) return known;
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SurveyId == surveyId, ct);
        if (survey is null) return null;
        var questionnaire = JsonSerializer.Deserialize<QuestionnaireSnapshot>(survey.Questionnaire)
            ?? throw new InvalidOperationException($"Survey {surveyId} has no questionnaire.");
        var definition = new SurveyDefinition(surveyId, survey.MunicipalityCode, survey.Year, questionnaire, questionnaire.ToAnalysisModel());
        return cache.GetOrAdd(surveyId, definition);
    }
}
