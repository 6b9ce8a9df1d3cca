using Medborgare.Contracts;

namespace Medborgare.ApiContracts.Collection;

// Collection's public answering API (/api/answering, /api/paper-responses). The code travels in bodies, never in a URL.

public sealed record CodeRequest(string? Code);

public sealed record DraftRequest(string? Code, int Page, IReadOnlyList<Answer>? Answers);

public sealed record SubmitRequest(string? Code, Guid SubmissionKey, IReadOnlyList<Answer>? Answers);

public sealed record PaperRequest(string? Code, IReadOnlyList<Answer>? Answers);

/// <summary>What a valid code opens: the frozen questionnaire, the answers saved so far and the page the resident was on.</summary>
public sealed record AnsweringSession(Guid SurveyId, int Year, string TitleSv, string? TitleEn, QuestionnaireSnapshot Questionnaire,
    IReadOnlyList<Answer> Answers, int Page, Guid SubmissionKey)
{
    public string Title(string language) => language == "en" && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleSv;
}

public sealed record SubmissionReceipt(string ReceiptNumber, DateOnly SubmittedOn);
