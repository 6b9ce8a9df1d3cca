namespace Medborgare.FollowUp.KeyFigures;

/// <summary>Configuration section <c>Kolada</c>.</summary>
public sealed class KoladaOptions
{
    /// <summary>Kolada or a Kolada-compatible mirror; the v2 paths are appended (<c>/v2/kpi/…</c>, <c>/v2/data/…</c>).</summary>
    public string BaseUrl { get; set; } = "https://api.kolada.se";
    /// <summary>Peer municipalities (jämförelsekommuner), four-digit codes. The whole country (0000) is always fetched.</summary>
    public string[] Peers { get; set; } = [];
    public int PageSize { get; set; } = 5000;
    /// <summary>A runaway chain of next_page links is cut off here.</summary>
    public int MaxPages { get; set; } = 1000;
}

public static class Municipalities
{
    /// <summary>Kolada's code for the whole country (Riket).</summary>
    public const string Country = "0000";
}
