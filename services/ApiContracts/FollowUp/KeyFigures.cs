namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's key figures (/api/keyfigures): imports in Kolada's format from a file or a Kolada-compatible URL, and the stored values.

public enum ImportState { Running, Succeeded, Failed }

/// <summary>
/// A key-figure import and its progress. <c>Error</c> is FollowUp's own sentence (in the request's language) for a failed import;
/// <c>Failure</c> carries its code and what a text needs, so that a reader can word it itself.
/// </summary>
public sealed record ImportDto(Guid Id, string Kind, ImportState State, string? SourceUrl, int PagesFetched, int Rows, int KpisDescribed,
    string? Error, ImportFailure? Failure, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>What to fetch from the configured Kolada base URL; each left out has a default (the indicators' KPIs, the last five years).</summary>
public sealed record UrlImportBody(string[]? Kpis, int? FromYear, int? ToYear);

public sealed record KeyFigureValueDto(string Kpi, string Municipality, int Period, string Gender, double? Value, int? Count, string Status);

public sealed record KpiDto(string Id, string Title, string Description, bool IsDividedByGender, string MunicipalityType, string OperatingArea);

/// <summary>Where a Kolada document came from: an uploaded file, or a page of KPI metadata or of values fetched from the Kolada URL.</summary>
public enum KoladaSource { File, KpiPage, ValuePage }

/// <summary>One Kolada document: its source and, for a fetched page, its number and path and query.</summary>
public sealed record KoladaPlace(KoladaSource Source, int? Page = null, string? Url = null)
{
    public static KoladaPlace File { get; } = new(KoladaSource.File);
}

/// <summary>
/// Why an import failed: a code from <see cref="FollowUpErrorCodes"/> (the <c>Kolada…</c> and <c>Import…</c> ones) and what its
/// text needs. <c>Place</c> is the document, <c>Path</c> where in it (a JSON path such as <c>values[1].values[0].gender</c>),
/// <c>Value</c> the offending value or the limit passed, and <c>Line</c> and <c>Position</c> where JSON that cannot be read breaks off.
/// </summary>
public sealed record ImportFailure(string Code, KoladaPlace? Place = null, string? Path = null, string? Value = null, int? Line = null, int? Position = null);
