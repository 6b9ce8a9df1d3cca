using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;

namespace Medborgare.Web.Components.Pages.Analyst;

/// <summary>Everything the survey page knows about one survey, read once per request and handed to each section.</summary>
/// <param name="Done">The action that just succeeded (the <c>?klart=</c> of the redirect after a form post), for its notice.</param>
public sealed record SurveyWork(SurveyDto Survey, QuestionnaireSnapshot? Questionnaire, FrameSummary? Frame, SampleDto? Sample, ResponseRate? Rate,
    string? Done)
{
    public Guid Id => Survey.Id;
    public bool HasFrame => Frame is { Persons: > 0 };
    public int Invited => Rate?.Invited ?? 0;
    /// <summary>Sampled persons without an invitation yet.</summary>
    public int PendingInvitations => Sample is null ? 0 : Math.Max(0, Sample.SampleSize - Invited);
    public string Url(string? done = null, string? section = null) => AnalystFormat.SurveyUrl(Id, done is null ? null : "klart=" + done, section);
}
