using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;

namespace Medborgare.Distribution.Questionnaires;

/// <summary>How questionnaires are stored and exchanged as JSON: camelCase, enums by name.</summary>
public static class QuestionnaireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(QuestionnaireSnapshot questionnaire) => JsonSerializer.Serialize(questionnaire, Options);

    public static QuestionnaireSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<QuestionnaireSnapshot>(json, Options) ?? throw new JsonException("Empty questionnaire");

    static readonly Lazy<string> DefaultJson = new(() =>
    {
        using var stream = typeof(QuestionnaireJson).Assembly.GetManifestResourceStream("Medborgare.Distribution.default-questionnaire.json")
            ?? throw new InvalidOperationException("The default questionnaire is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The built-in questionnaire (NRI, NMI, NII with their factors), in Swedish and English.</summary>
    public static QuestionnaireSnapshot Default(string? title = null, string? titleEn = null)
    {
        var q = Deserialize(DefaultJson.Value);
        return title is null ? q : q with { Title = Titles(title, titleEn) };
    }

    public static Dictionary<string, string> Titles(string sv, string? en)
    {
        var titles = new Dictionary<string, string> { ["sv"] = sv };
        if (!string.IsNullOrWhiteSpace(en)) titles["en"] = en;
        return titles;
    }
}
