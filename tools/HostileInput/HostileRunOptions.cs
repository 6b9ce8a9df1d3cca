namespace Medborgare.HostileInput;

/// <summary>Everything a run needs. Only <see cref="Targets"/> is required.</summary>
public sealed record HostileRunOptions
{
    public const string SigningKeyVariable = "MEDBORGARE_SIGNING_KEY";

    public required IReadOnlyList<HostileTarget> Targets { get; init; }
    /// <summary>The app's <c>Auth:SigningKey</c>; without it only the anonymous and the badly signed identity are used.</summary>
    public string? SigningKey { get; init; }
    /// <summary>Null: <see cref="HostileIdentity.Standard"/> (anonymous, each staff role, a bad signature).</summary>
    public IReadOnlyList<HostileIdentity>? Identities { get; init; }
    public int PerOperation { get; init; } = GeneratorSettings.DefaultPerOperation;
    public int Seed { get; init; } = 1;
    /// <inheritdoc cref="GeneratorSettings.SeedValues"/>
    public IReadOnlyDictionary<string, string> SeedValues { get; init; } = new Dictionary<string, string>();
    /// <inheritdoc cref="GeneratorSettings.SendUnknownFields"/>
    public bool SendUnknownFields { get; init; } = true;
    /// <summary>Operations to leave out, by operationId or as <c>"POST /api/path/{id}"</c>.</summary>
    public IReadOnlySet<string> SkipOperations { get; init; } = new HashSet<string>();
    public int Concurrency { get; init; } = 4;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Without it every target must be on loopback (localhost, 127.0.0.0/8, ::1).</summary>
    public bool AllowRemote { get; init; }

    public GeneratorSettings Generator => new()
    {
        PerOperation = PerOperation, Seed = Seed, SeedValues = SeedValues, SendUnknownFields = SendUnknownFields,
    };
}
