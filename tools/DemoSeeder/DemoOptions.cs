namespace Medborgare.DemoSeeder;

/// <summary>Where the running services are, how to sign a staff token, and how big the demo is.</summary>
public sealed record DemoOptions
{
    public required Uri Distribution { get; init; }
    public required Uri Collection { get; init; }
    public required Uri Analysis { get; init; }
    public required Uri FollowUp { get; init; }
    /// <summary>The key the AppHost hands every service as <c>Auth:SigningKey</c>.</summary>
    public required string SigningKey { get; init; }

    /// <summary>The survey years, oldest first. Defaults to the current year and the two before.</summary>
    public IReadOnlyList<int> Years { get; init; } = DefaultYears(DateTime.UtcNow.Year);
    /// <summary>Adults in the synthetic population frame.</summary>
    public int FramePersons { get; init; } = 20_000;
    public int SampleSize { get; init; } = 1_600;
    /// <summary>Responses per year; null lets the answer model's response propensities decide (about 50 %).</summary>
    public int? ResponsesPerYear { get; init; }
    /// <summary>Submissions in flight at once.</summary>
    public int Concurrency { get; init; } = 8;
    public int FeedbackItems { get; init; } = 60;
    /// <summary>Everything random in the demo follows from this seed.</summary>
    public int Seed { get; init; } = 1499;
    /// <summary>Peer municipalities (jämförelsekommuner) in the generated key figures; FollowUp shows those in its <c>Kolada:Peers</c>.</summary>
    public IReadOnlyList<string> Peers { get; init; } = DemoMunicipality.Peers;
    /// <summary>The municipality code the services are configured with (<c>Municipality:Code</c>).</summary>
    public string MunicipalityCode { get; init; } = DemoMunicipality.Code;
    /// <summary>How long to wait for the message path (Collection → RabbitMQ → Analysis) to catch up.</summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TextWriter Output { get; init; } = Console.Out;

    public static IReadOnlyList<int> DefaultYears(int currentYear) => [currentYear - 2, currentYear - 1, currentYear];
}
