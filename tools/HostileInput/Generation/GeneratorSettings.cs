namespace Medborgare.HostileInput;

/// <summary>How many requests per operation, the seed of the run, and the seed values (<c>--value name=value</c>).</summary>
public sealed record GeneratorSettings
{
    public const int DefaultPerOperation = 32;

    public int PerOperation { get; init; } = DefaultPerOperation;
    public int Seed { get; init; } = 1;
    /// <summary>
    /// Real values by parameter or property name (an existing survey's <c>id</c>, a real invitation <c>code</c>). Used only in
    /// requests whose body fails while it is read, so that body validation is reached behind the path and id checks.
    /// </summary>
    public IReadOnlyDictionary<string, string> SeedValues { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Send <c>{"zzUnknown": 1}</c> and the like. Such a body is invalid only where the service refuses unknown members
    /// (System.Text.Json's <c>JsonUnmappedMemberHandling.Disallow</c>); turn this off for a service that does not.
    /// </summary>
    public bool SendUnknownFields { get; init; } = true;
}
