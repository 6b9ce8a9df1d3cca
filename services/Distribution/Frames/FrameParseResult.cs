namespace Medborgare.Distribution.Frames;

/// <summary>
/// The outcome of reading a frame file. A frame with any error is not to be stored:
/// <see cref="Persons"/> then holds only the good rows, for a preview.
/// </summary>
public sealed record FrameParseResult
{
    public required IReadOnlyList<FramePerson> Persons { get; init; }
    public required IReadOnlyList<FrameError> Errors { get; init; }
    /// <summary>True when reading stopped at the error limit, so later rows were not checked.</summary>
    public bool StoppedAtErrorLimit { get; init; }
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// A problem in the file: a 1-based file line (the header is line 1), a column name, what is wrong, and the field's value as
/// read (null for a problem of the whole line or the header).
/// </summary>
public sealed record FrameError(int Line, string Column, FrameText Text, string? Value = null);

/// <summary>
/// What is wrong, as a stable code (<c>DistributionErrorCodes.Frame…</c>) and a text in Swedish and English. Not ServiceDefaults'
/// FieldError: this folder is compiled into the frame generator too, which is no web service.
/// </summary>
public sealed record FrameText(string Code, string Sv, string En);
