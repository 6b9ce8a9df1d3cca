namespace Medborgare.HostileInput;

/// <summary>
/// One request to send, once per identity. <see cref="PathAndQuery"/> is sent exactly as written (already percent-encoded,
/// never normalised), relative to the service's base address.
/// </summary>
public sealed record HostileRequest
{
    public required string Service { get; init; }
    public required Uri BaseUri { get; init; }
    public required string OperationId { get; init; }
    public required string Method { get; init; }
    public required string PathTemplate { get; init; }
    public required string PathAndQuery { get; init; }
    /// <summary>Null: no content at all. Empty: a zero-length body with a Content-Type.</summary>
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; }
    public required MutationFamily Family { get; init; }
    /// <summary>What was done, e.g. <c>wrong-type:answers[].number=true</c> or <c>path:id=..%2f..%2f</c>.</summary>
    public required string Mutation { get; init; }
    /// <summary>The mutation fails while System.Text.Json reads the body, whatever else the request holds.</summary>
    public bool FailsAtBinding { get; init; }
    /// <summary>The names of the <c>--value</c> seed values this request carries (in its path or body).</summary>
    public IReadOnlyList<string> SeedValuesUsed { get; init; } = [];
    /// <summary>A method that may change state: any 1xx–3xx answer means the service took a request it should have refused.</summary>
    public bool ExpectsRejection { get; init; }

    public Uri Url()
    {
        var text = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + PathAndQuery;
        return new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }
}
