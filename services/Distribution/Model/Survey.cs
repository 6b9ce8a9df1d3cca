using Medborgare.Contracts;

namespace Medborgare.Distribution.Model;

public enum SurveyStatus { Draft, Published, Closed }

/// <summary>Medborgarundersökning: one municipality's citizen survey for one year.</summary>
public sealed class Survey
{
    public Guid Id { get; set; }
    /// <summary>Kommunkod: the four-digit municipality code, e.g. 0136.</summary>
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The questionnaire, frozen as JSON when the survey is published.</summary>
    public string? PublishedQuestionnaire { get; set; }

    public QuestionnaireSnapshot Snapshot()
    {
        var title = new Dictionary<string, string> { ["sv"] = TitleSv };
        if (!string.IsNullOrWhiteSpace(TitleEn)) title["en"] = TitleEn;
        return new QuestionnaireSnapshot { Title = title, Sections = [] };
    }
}
