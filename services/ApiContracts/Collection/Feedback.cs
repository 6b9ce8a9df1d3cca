namespace Medborgare.ApiContracts.Collection;

// Collection's open feedback API (/api/feedback): synpunkter from anyone, without a code.

public sealed record ContactDetails(string? Name, string? Email, string? Phone);

public sealed record FeedbackRequest(string? Category, string? GoalArea, string? District, string? Text, ContactDetails? Contact, bool ContactConsent);

/// <summary>
/// The feedback as Collection stored it: personal data in the text is masked. The receipt number (kvittens) lets the resident
/// follow the case at /synpunkter/{receipt} without giving any contact details; the answer is due by <c>DueDate</c>.
/// </summary>
public sealed record FeedbackReceipt(Guid FeedbackId, string MaskedText, string Receipt, DateOnly DueDate);
