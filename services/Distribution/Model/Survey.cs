using Medborgare.Contracts;
using Medborgare.Distribution.Questionnaires;

namespace Medborgare.Distribution.Model;

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
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When names, addresses and codes were deleted (gallring); only per-stratum counts remain.</summary>
    public DateTimeOffset? PurgedAt { get; set; }
    /// <summary>Days after closing before personal data is purged.</summary>
    public int RetentionDays { get; set; } = 30;
    /// <summary>Last day a code may be used.</summary>
    public DateOnly? AnswerBy { get; set; }
    /// <summary>The questionnaire as JSON: editable while a draft, frozen when published.</summary>
    public required string Questionnaire { get; set; }
    /// <summary>Random per survey; code hashes are SHA-256 over salt and code.</summary>
    public required string CodeSalt { get; set; }

    public QuestionnaireSnapshot ReadQuestionnaire() => QuestionnaireJson.Deserialize(Questionnaire);
}
