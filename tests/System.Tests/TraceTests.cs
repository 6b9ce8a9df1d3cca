using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Collection.Infrastructure;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

/// <summary>
/// One trace id from Distribution's HTTP request, through the outbox and RabbitMQ, into Collection's consumer. Both services run
/// in this process (on real PostgreSQL and RabbitMQ) and export their spans over OTLP to a receiver, as to a collector: telemetry
/// is on only when one listens.
/// </summary>
public sealed class TraceTests
{
    [Fact]
    public async Task One_trace_spans_the_http_request_the_broker_hop_and_the_consumer()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var servers = await TestServers.GetAsync();
        var vhost = await servers.NewVirtualHostAsync();
        await using var distribution = new ServiceFactory<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb,
            servers.NewDatabase("distribution"), vhost);
        await using var collection = new ServiceFactory<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb,
            servers.NewDatabase("collection"), vhost);
        foreach (var service in new[] { distribution.Settings, collection.Settings })
        {
            service["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint;
            service["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            service["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        }
        await collection.StartHealthyAsync();
        await distribution.StartHealthyAsync();
        var analyst = distribution.CreateStaffClient(StaffRoles.Analyst);
        var created = await (await analyst.PostAsJsonAsync("/api/surveys", new { municipalityCode = "0136", year = 2026, titleSv = "Spårad" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        await analyst.PostAsync($"/api/surveys/{id}/publish", null);

        // Both hosts listen to the same (static) activity sources in this one process, so each span arrives once per host; the
        // service name tells them apart only by which host's exporter sent it. What matters is the one trace id.
        var request = await Eventually.GetAsync(() => Task.FromResult(receiver.Spans.FirstOrDefault(s =>
            s.Kind == ReceivedSpan.Server && s.Name.EndsWith("/publish", StringComparison.Ordinal))), what: "the publish request span");
        ReceivedSpan? consume = null;
        try
        {
            consume = await Eventually.GetAsync(() => Task.FromResult(receiver.Spans.FirstOrDefault(s =>
                s.Kind == ReceivedSpan.Consumer && s.TraceId == request.TraceId && s.Name.Contains("collection", StringComparison.OrdinalIgnoreCase))),
                what: "Collection's consumer span in the request's trace");
        }
        catch (TimeoutException)
        {
            Assert.Fail("No consumer span in the request's trace. Spans seen:\n" + string.Join("\n", receiver.Spans));
        }
        var trace = receiver.Spans.Where(s => s.TraceId == request.TraceId).ToList();
        Assert.Contains(trace, s => s.Name.StartsWith("outbox publish", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Kind == ReceivedSpan.Producer && s.Scope == "MassTransit");
        Assert.NotNull(consume);
    }
}
