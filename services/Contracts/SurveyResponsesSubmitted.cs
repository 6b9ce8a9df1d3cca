namespace Medborgare.Contracts;

/// <summary>
/// Many anonymous, final responses in one message: what Collection sent in one release round, in random order. Each response is
/// counted once by its <see cref="SurveyResponseSubmitted.ResponseId"/>, however often the message (or a response in another
/// message) arrives. Packing them is what lets the broker and Analysis take a thousand responses a second.
/// </summary>
public sealed record SurveyResponsesSubmitted
{
    public required IReadOnlyList<SurveyResponseSubmitted> Responses { get; init; }
}
