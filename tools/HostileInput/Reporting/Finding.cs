namespace Medborgare.HostileInput;

public enum FindingKind
{
    /// <summary>A 5xx: the service failed on input it should have refused.</summary>
    ServerError,
    /// <summary>A 4xx without <c>application/problem+json</c> that is not Kestrel's own empty-bodied refusal.</summary>
    NotProblemDetails,
    /// <summary>A 1xx–3xx to a state-changing request: the service took a request that was built to be invalid.</summary>
    Accepted,
    /// <summary>No answer: a timeout, a reset or a refused connection.</summary>
    TransportFailure,
}

/// <summary>One response that breaks the rules, with enough to reproduce it (the seed and the mutation name).</summary>
public sealed record Finding(FindingKind Kind, string Service, string OperationId, string Method, string PathTemplate, string Path, string Identity,
    string Mutation, int? Status, string? MediaType, string Detail);
