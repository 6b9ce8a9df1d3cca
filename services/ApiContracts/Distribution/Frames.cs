namespace Medborgare.ApiContracts.Distribution;

// A survey's population frame (/api/surveys/{id}/frame): counts only, never the persons.

public sealed record FrameSummary(int Persons, int ExcludedUnderAge, IReadOnlyList<FrameCell> Cells);

/// <summary>Persons in the frame per calibration cell; Sex is "K" (kvinna) or "M" (man).</summary>
public sealed record FrameCell(string District, string Sex, string AgeGroup, int Count);

public sealed record SyntheticFrameRequest(int? Count, long? Seed);

/// <summary>
/// A bad field in an uploaded frame: the file line (the header is line 1), the column ("" for the whole line), a stable
/// code (<see cref="DistributionErrorCodes"/>), Distribution's message in the request's language, and the field's value as
/// read (null for the whole line or the header), so that a reader can find it in the file.
/// </summary>
public sealed record FrameLineError(int Line, string Column, string Code, string Message, string? Value = null);

/// <summary>Distribution's answer to a frame file with errors: nothing was stored. Truncated when reading stopped at the error limit.</summary>
public sealed record FrameProblem(string Title, IReadOnlyList<FrameLineError> Errors, bool Truncated);
