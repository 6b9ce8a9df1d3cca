namespace Medborgare.FollowUp.Model;

/// <summary>One Kolada value: a KPI for a municipality, period and gender (T total, K women, M men).</summary>
public sealed class KeyFigureValue
{
    public required string Kpi { get; set; }
    public required string Municipality { get; set; }
    public int Period { get; set; }
    public required string Gender { get; set; }
    /// <summary>Missing in Kolada stays missing here (null), never 0.</summary>
    public double? Value { get; set; }
    public int? Count { get; set; }
    /// <summary>Kolada's status flag, e.g. "Preliminary"; empty when none.</summary>
    public string Status { get; set; } = "";
    public Guid ImportId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>Kolada's metadata for a KPI.</summary>
public sealed class KpiMetadata
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public bool IsDividedByGender { get; set; }
    public string MunicipalityType { get; set; } = "";
    public string OperatingArea { get; set; } = "";
}

/// <summary>A key-figure import job; its progress is readable while it runs.</summary>
public sealed class KeyFigureImport
{
    public Guid Id { get; set; }
    /// <summary>"file" or "url".</summary>
    public required string Kind { get; set; }
    public ImportState State { get; set; }
    public string? SourceUrl { get; set; }
    public int PagesFetched { get; set; }
    public int Rows { get; set; }
    public int KpisDescribed { get; set; }
    /// <summary>Why a failed import failed: its code and what the text needs, worded in the reader's language when read.</summary>
    public ImportFailure? Failure { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Written with every page; a running import silent for long was cut off by a restart.</summary>
    public DateTimeOffset LastProgressAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
