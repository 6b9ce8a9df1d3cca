namespace Medborgare.ApiContracts.Analysis;

/// <summary>
/// The per-field codes Analysis sends in a validation problem's <c>codes</c> (the query parameters of its result endpoints).
/// Analysis's own messages beside them follow Accept-Language, in Swedish or English.
/// </summary>
public static class AnalysisErrorCodes
{
    public const string SourceUnknown = "source-unknown";
    public const string NotAChoiceQuestion = "not-a-choice-question";
    public const string NotAFreeTextQuestion = "not-a-free-text-question";
}
