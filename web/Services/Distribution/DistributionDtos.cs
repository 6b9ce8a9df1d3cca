namespace Medborgare.Web.Services.Distribution;

// The web app's view of the Distribution service's HTTP API (services/Distribution/Apis): only the fields the pages use.

public sealed record SurveyDto(Guid Id, string MunicipalityCode, int Year, string TitleSv, string? TitleEn, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, DateTimeOffset? PurgedAt, int RetentionDays, DateOnly? AnswerBy)
{
    public bool IsDraft => Status == "Draft";
    public bool IsPublished => Status == "Published";
    public bool IsClosed => Status == "Closed";
    public bool IsPurged => PurgedAt is not null;
    /// <summary>Gallring: when names, addresses and codes are (or were) due to be deleted.</summary>
    public DateTimeOffset? PurgeDueAt => ClosedAt?.AddDays(RetentionDays);
    public bool IsPurgeDue(DateTimeOffset now) => IsClosed && !IsPurged && PurgeDueAt <= now;
    public string Title(string language) => language == "en" && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleSv;
}

public enum SurveyTemplate { Default, CopyLastYear, Empty }

public sealed record CreateSurveyRequest(int? Year, string? TitleSv, string? TitleEn, string Template);

public sealed record QuestionnaireDto(IReadOnlyDictionary<string, string> Title, IReadOnlyList<SectionDto> Sections, IReadOnlyList<IndexDto>? Indices)
{
    public int QuestionCount => Sections.Sum(s => s.Questions.Count);
    public int IndexCount => Indices?.Count ?? 0;
}

public sealed record SectionDto(string Key, IReadOnlyDictionary<string, string> Title, IReadOnlyList<QuestionDto> Questions)
{
    public string TitleIn(string language) => Title.GetValueOrDefault(language) ?? Title.GetValueOrDefault("sv") ?? Key;
}

public sealed record QuestionDto(string Key);

public sealed record IndexDto(string Key, string Kind);

public sealed record FrameSummary(int Persons, int ExcludedUnderAge, IReadOnlyList<FrameCell> Cells);

/// <summary>Persons in the frame per calibration cell; Sex is "K" (kvinna) or "M" (man).</summary>
public sealed record FrameCell(string District, string Sex, string AgeGroup, int Count);

public sealed record SyntheticFrameRequest(int? Count, long? Seed);

/// <summary>A bad field in an uploaded frame: the file line (the header is line 1), the column, a Swedish message.</summary>
public sealed record FrameLineError(int Line, string Column, string Message);

/// <summary>Distribution's answer to a frame file with errors: nothing was stored.</summary>
public sealed record FrameProblem(string Title, IReadOnlyList<FrameLineError> Errors, bool Truncated);

public enum SampleAllocation { Proportional, FixedPerStratum }

public sealed record DrawSampleRequest(string Allocation, int? Size, long? Seed);

public sealed record SampleDto(long Seed, string Allocation, int Size, int FrameSize, int SampleSize, DateTimeOffset DrawnAt,
    IReadOnlyList<DistrictSample> Districts);

public sealed record DistrictSample(string District, int Population, int Sampled);

public sealed record IssueResult(int Issued, int Total);

public sealed record Letter(string Name, string Address, string PostalCode, string Town, string Code);

public sealed record ReminderResult(int Round, int Recipients);

public sealed record CloseSurveyRequest(int? RetentionDays);

public sealed record RateRow(string Label, int Invited, int Answered, double Rate);

public sealed record DayRow(DateOnly Day, int Answered, int Cumulative, double Rate);

public sealed record ResponseRate(int Invited, int Answered, double Rate, int RemindersSent, IReadOnlyList<RateRow> ByDistrict,
    IReadOnlyList<RateRow> BySex, IReadOnlyList<RateRow> ByAgeGroup, IReadOnlyList<DayRow> ByDay);
