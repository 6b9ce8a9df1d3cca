namespace Medborgare.DemoSeeder;

/// <summary>Älvsala kommun: the made-up municipality of the demo and of the synthetic population frame.</summary>
#if APPHOST
internal static class DemoMunicipality // the AppHost compiles this file in too; internal there, so the two never clash
#else
public static class DemoMunicipality
#endif
{
    public const string Name = "Älvsala kommun";
    /// <summary>The services' default <c>Municipality:Code</c> (9901 is no real kommun, so no one mistakes the demo for real data).</summary>
    public const string Code = "9901";
    /// <summary>Two peer municipalities for the key figures; the numbers are generated, not theirs.</summary>
    public static readonly IReadOnlyList<string> Peers = ["0583", "2181"];
    public static readonly IReadOnlyDictionary<string, string> PeerNames = new Dictionary<string, string>
    {
        ["0583"] = "Motala", ["2181"] = "Sandviken",
    };
    public const string Country = "0000";
}
