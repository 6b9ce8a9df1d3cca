using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Collection.Infrastructure;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

/// <summary>
/// One trace id from Distribution's HTTP request, through the outbox and RabbitMQ, into Collection's consumer.
/// Both services run in this process (on real PostgreSQL and RabbitMQ), so one listener sees all their spans.
/// </summary>
public sealed class TraceTests
{
    [Fact]
    public async Task One_trace_spans_the_http_request_the_broker_hop_and_the_consumer()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "MassTransit" or Telemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var servers = await TestServers.GetAsync();
        var vhost = await servers.NewVirtualHostAsync();
        await using var distribution = new ServiceFactory<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb,
            servers.NewDatabase("distribution"), vhost);
        await using var collection = new ServiceFactory<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb,
            servers.NewDatabase("collection"), vhost);
        await collection.StartHealthyAsync();
        await distribution.StartHealthyAsync();
        var analyst = distribution.CreateStaffClient(StaffRoles.Analyst);
        var created = await (await analyst.PostAsJsonAsync("/api/surveys", new { municipalityCode = "0136", year = 2026, titleSv = "Spårad" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        await analyst.PostAsync($"/api/surveys/{id}/publish", null);

        var request = await Eventually.GetAsync(() => Task.FromResult(spans.FirstOrDefault(s =>
            s.Source.Name == "Microsoft.AspNetCore" && (s.GetTagItem("url.path") as string ?? "").EndsWith("/publish", StringComparison.Ordinal))),
            what: "the publish request span");
        Activity? consume = null;
        try
        {
            consume = await Eventually.GetAsync(() => Task.FromResult(spans.FirstOrDefault(s =>
                s.Kind == ActivityKind.Consumer && s.Source.Name == "MassTransit" && s.TraceId == request.TraceId)),
                what: "a consumer span in the request's trace");
        }
        catch (TimeoutException)
        {
            Assert.Fail("No consumer span in the request's trace. Spans seen:\n" +
                string.Join("\n", spans.Select(s => $"{s.Source.Name} {s.Kind} '{s.DisplayName}' trace={s.TraceId} parent={s.ParentSpanId}")));
        }
        Assert.Contains("collection", consume!.DisplayName + string.Join(" ", consume.Tags.Select(t => t.Value)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(spans, s => s.Source.Name == Telemetry.ActivitySourceName && s.DisplayName.StartsWith("outbox publish", StringComparison.Ordinal)
                                    && s.TraceId == request.TraceId);
        Assert.Contains(spans, s => s.Kind == ActivityKind.Producer && s.Source.Name == "MassTransit" && s.TraceId == request.TraceId);
    }
}
