namespace Medborgare.Collection.Model;

/// <summary>
/// The resident's answers while they answer, keyed by the invitation: a save after every page, resumed on any device.
/// At submission the draft is <see cref="Sealed"/> with the final answers, in the same statement as the
/// <see cref="Submission"/> mark, and <see cref="Answering.ResponseRelease"/> then sends it to Analysis as an unlinked
/// response and deletes it. So a submitted response's answers stay in this database only until they are sent
/// (milliseconds, or until the broker is back); no row ever holds them apart from the invitation's own draft.
/// </summary>
public sealed class Draft
{
    public Guid InvitationId { get; set; }
    public required string Answers { get; set; }
    public int Page { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Submitted: the answers are final and wait to be sent.</summary>
    public bool Sealed { get; set; }
    /// <summary>The response's random id (v4), chosen at submission, so that sending it again is recognised by Analysis.</summary>
    public Guid? ResponseId { get; set; }
    public string? Channel { get; set; }
    /// <summary>The day of submission (never a time): what the response carries.</summary>
    public DateOnly? SubmittedOn { get; set; }
    /// <summary>The submitting request's W3C traceparent, so the trace continues when the response is sent.</summary>
    public string? TraceParent { get; set; }
}
