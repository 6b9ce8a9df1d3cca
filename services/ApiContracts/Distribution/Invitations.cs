namespace Medborgare.ApiContracts.Distribution;

// Invitations, letters and reminder rounds (/api/surveys/{id}/invitations, /letters, /reminders).

public sealed record IssueResult(int Issued, int Total);

/// <summary>One letter: the sampled person's name and address and the personal code (XXXX-XXXX-XXXX).</summary>
public sealed record Letter(string Name, string Address, string PostalCode, string Town, string Code);

public sealed record ReminderResult(int Round, int Recipients);
