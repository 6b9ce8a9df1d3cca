using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medborgare.FollowUp.Tests;

/// <summary>The services write enums as names.</summary>
static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
