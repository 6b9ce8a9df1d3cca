using Medborgare.Contracts;

namespace Medborgare.Web.Services.Resident;

// The web app's view of the Collection service's public API (services/Collection/Apis): answering with a code and open feedback.

/// <summary>What Collection returns for a valid code: the frozen questionnaire, the answers saved so far and where the resident was.</summary>
public sealed record AnsweringSession(Guid SurveyId, int Year, string TitleSv, string? TitleEn, QuestionnaireSnapshot Questionnaire,
    IReadOnlyList<Answer> Answers, int Page, Guid SubmissionKey)
{
    public string Title(string language) => language == "en" && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleSv;
}

public sealed record SubmissionReceipt(string ReceiptNumber, DateOnly SubmittedOn);

sealed record CodeRequest(string Code);

sealed record DraftRequest(string Code, int Page, IReadOnlyList<Answer> Answers);

sealed record SubmitRequest(string Code, Guid SubmissionKey, IReadOnlyList<Answer> Answers);

sealed record PaperRequest(string Code, IReadOnlyList<Answer> Answers);

/// <summary>An open survey as Collection knows it: its year and frozen questionnaire.</summary>
public sealed record PublishedSurvey(Guid SurveyId, int Year, QuestionnaireSnapshot Questionnaire);

public sealed record ContactDetails(string? Name, string? Email, string? Phone);

public sealed record FeedbackRequest(string? Category, string? GoalArea, string? District, string? Text, ContactDetails? Contact, bool ContactConsent);

/// <summary>The feedback as Collection stored it: personal data in the text is masked.</summary>
public sealed record FeedbackReceipt(Guid FeedbackId, string MaskedText);
