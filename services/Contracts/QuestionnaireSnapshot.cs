namespace Medborgare.Contracts;

/// <summary>
/// The frozen questionnaire as it travels in <see cref="SurveyPublished"/>. Texts are keyed by
/// language code ("sv" is always present). Everything a consumer needs to validate and analyse answers.
/// </summary>
public sealed record QuestionnaireSnapshot
{
    public required IReadOnlyDictionary<string, string> Title { get; init; }
    public required IReadOnlyList<SectionSnapshot> Sections { get; init; }
    public IReadOnlyList<IndexSnapshot> Indices { get; init; } = [];
}

public sealed record SectionSnapshot
{
    public required string Key { get; init; }
    public required IReadOnlyDictionary<string, string> Title { get; init; }
    public required IReadOnlyList<QuestionSnapshot> Questions { get; init; }
}

public enum QuestionType { Scale, SingleChoice, MultipleChoice, Number, FreeText }

public sealed record QuestionSnapshot
{
    /// <summary>Stable across years; year-over-year comparison joins on it.</summary>
    public required string Key { get; init; }
    public required QuestionType Type { get; init; }
    public required IReadOnlyDictionary<string, string> Text { get; init; }
    public bool Required { get; init; }
    public ScaleSnapshot? Scale { get; init; }
    public IReadOnlyList<ChoiceSnapshot> Choices { get; init; } = [];
    public ConditionSnapshot? Condition { get; init; }
    public IReadOnlyList<string> GoalAreaTags { get; init; } = [];
}

public sealed record ScaleSnapshot
{
    public int Min { get; init; } = 1;
    public int Max { get; init; } = 10;
    public required IReadOnlyDictionary<string, string> MinLabel { get; init; }
    public required IReadOnlyDictionary<string, string> MaxLabel { get; init; }
    /// <summary>"Vet ej / ingen åsikt" is offered and counts as missing, never as a value.</summary>
    public bool AllowDontKnow { get; init; } = true;
}

public sealed record ChoiceSnapshot
{
    public required string Value { get; init; }
    public required IReadOnlyDictionary<string, string> Text { get; init; }
}

/// <summary>Show the question only when the question <see cref="QuestionKey"/> has one of <see cref="AnyOf"/>.</summary>
public sealed record ConditionSnapshot
{
    public required string QuestionKey { get; init; }
    public required IReadOnlyList<string> AnyOf { get; init; }
}

public enum IndexKind { Overall, Factor }

/// <summary>NRI, NMI, NII and their factors: an index is the mean of its items on 0–100.</summary>
public sealed record IndexSnapshot
{
    public required string Key { get; init; }
    public required IndexKind Kind { get; init; }
    public string? ParentKey { get; init; }
    public required IReadOnlyDictionary<string, string> Name { get; init; }
    public required IReadOnlyList<string> ItemKeys { get; init; }
    public IReadOnlyList<string> GoalAreaTags { get; init; } = [];
}
