using System.Text.Json;
using System.Text.Json.Nodes;
using Medborgare.Analysis.Results;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Wire = Medborgare.ApiContracts.Analysis;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// The API's records (Medborgare.ApiContracts.Analysis) go on the wire exactly as the statistics kernel's types did before they
/// replaced them: the same enum names and the same JSON, so neither the web app nor a stored answer notices.
/// </summary>
public sealed class WireMappingTests
{
    static readonly JsonSerializerOptions Json = ClientErrorHandling.Strict(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    static void SameNames<TKernel, TWire>(Func<TKernel, TWire> toWire) where TKernel : struct, Enum where TWire : struct, Enum
    {
        Assert.Equal(Enum.GetNames<TKernel>(), Enum.GetNames<TWire>());
        foreach (var value in Enum.GetValues<TKernel>())
        {
            Assert.Equal(value.ToString(), toWire(value).ToString());
            Assert.Equal(JsonSerializer.Serialize(value, Json), JsonSerializer.Serialize(toWire(value), Json));
        }
    }

    [Fact]
    public void Every_kernel_enum_value_has_the_wire_value_of_the_same_name()
    {
        SameNames<CalibrationStatus, Wire.CalibrationStatus>(WireMapping.ToWire);
        SameNames<IndicatorKind, Wire.IndicatorKind>(WireMapping.ToWire);
        SameNames<SuppressionReason, Wire.SuppressionReason>(WireMapping.ToWire);
        SameNames<Quadrant, Wire.Quadrant>(WireMapping.ToWire);
        SameNames<ChangeDirection, Wire.ChangeDirection>(WireMapping.ToWire);
    }

    [Fact]
    public void Wire_enums_are_strings_even_without_the_services_JSON_options()
    {
        Assert.Equal("\"Infeasible\"", JsonSerializer.Serialize(Wire.CalibrationStatus.Infeasible));
        Assert.Equal("\"Secondary\"", JsonSerializer.Serialize(Wire.SuppressionReason.Secondary));
        Assert.Equal("\"ForbattraOmMojligt\"", JsonSerializer.Serialize(Wire.Quadrant.ForbattraOmMojligt));
        Assert.Equal(Wire.ResultStatus.Published, JsonSerializer.Deserialize<Wire.ResultStatus>("\"Published\""));
    }

    static void SameJson(object kernel, object wire) =>
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(kernel, Json), JsonSerializer.SerializeToNode(wire, Json)),
            $"{JsonSerializer.Serialize(kernel, Json)}\n{JsonSerializer.Serialize(wire, Json)}");

    [Fact]
    public void The_wire_records_have_the_JSON_of_the_kernel_types_they_replace()
    {
        var matrix = new PriorityMatrix("NMI", 61.5, 2.25, [new PriorityFactor("NMI.f1", 55, 3.5, 120, Quadrant.Prioritera),
            new PriorityFactor("NMI.f2", 70, 1, 118, Quadrant.LagrePrioritet)]);
        SameJson(matrix, matrix.ToWire());

        var comparison = YearOverYear.Compare(2025, 50, 1, 2026, 56, 1);
        SameJson(comparison, comparison.ToWire());
        var trend = new IndicatorTrend("NMI", [new TrendPoint(2025, 50, 1, 300), new TrendPoint(2026, 56, 1, 320)],
            [comparison, YearOverYear.Compare(2024, 56, 2, 2026, 56, 1)]);
        SameJson(new { trend.Key, trend.Years, trend.Comparisons }, trend.ToWire());

        var collapsed = new CollapsedGroup("K", ["75-84", "85+"]);
        SameJson(collapsed, collapsed.ToWire());
    }
}
