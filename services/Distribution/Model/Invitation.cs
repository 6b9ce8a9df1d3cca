namespace Medborgare.Distribution.Model;

/// <summary>
/// One letter with one personal code. The code is kept encrypted (Data Protection) only so that letters
/// can be printed; only its salted hash ever leaves Distribution.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public long? FrameEntryId { get; set; }
    public string? ProtectedCode { get; set; }
    public required string CodeHash { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    /// <summary>Answered, from InvitationAnswered. The day only: never a time that could be matched to a response.</summary>
    public DateOnly? AnsweredOn { get; set; }
    /// <summary>The reminder rounds (1, 2) this invitation was included in.</summary>
    public int RemindersSent { get; set; }
}
