using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;

namespace Medborgare.Collection.Infrastructure;

/// <summary>How questionnaires and answers are kept in jsonb columns.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static QuestionnaireSnapshot Questionnaire(string json) => JsonSerializer.Deserialize<QuestionnaireSnapshot>(json, Options)!;

    public static IReadOnlyList<Answer> Answers(string json) => JsonSerializer.Deserialize<List<Answer>>(json, Options) ?? [];
}
