namespace Medborgare.Contracts;

/// <summary>An anonymous, final response. <see cref="ResponseId"/> is random, not derived from the code.</summary>
public sealed record SurveyResponseSubmitted
{
    public required Guid ResponseId { get; init; }
    public required Guid SurveyId { get; init; }
    public required Stratum Stratum { get; init; }
    public required ResponseChannel Channel { get; init; }
    /// <summary>Rounded to the day, so the time cannot be matched to a used code.</summary>
    public required DateOnly SubmittedOn { get; init; }
    public required IReadOnlyList<Answer> Answers { get; init; }
}

public enum ResponseChannel { Web, Paper }

/// <summary>One answer: a number for Scale/Number, choice values for choices, text for FreeText. Null value = "vet ej".</summary>
public sealed record Answer
{
    public required string QuestionKey { get; init; }
    public decimal? Number { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public string? Text { get; init; }
}
