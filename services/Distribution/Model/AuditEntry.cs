namespace Medborgare.Distribution.Model;

/// <summary>Who exported or changed what, and when (DESIGN §2, "Audit").</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid? SurveyId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
