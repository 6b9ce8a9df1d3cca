namespace Medborgare.HostileInput;

/// <summary>
/// What came back: a status, the media type, the first characters of the body and its length, or the transport error
/// (timeout, reset, refused) when nothing came back.
/// </summary>
public sealed record ResponseOutcome(int? Status, string? MediaType, string BodyStart, long BodyLength, string? TransportError = null)
{
    public static ResponseOutcome Failed(string error) => new(null, null, "", 0, error);
}
