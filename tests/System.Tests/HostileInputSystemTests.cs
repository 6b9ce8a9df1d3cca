using Medborgare.HostileInput;
using Medborgare.ServiceDefaults;
using Xunit.Abstractions;

namespace Medborgare.SystemTests;

/// <summary>
/// A whole app of its own for the hostile run: thousands of wrong codes from one address would lock the shared app's residents
/// out. Its only departure from the defaults: the per-client limits of the public endpoints are raised, so that the hostile
/// requests reach the endpoints' own checks instead of stopping at the rate limiter (429, which would prove little).
/// </summary>
public sealed class HostileAppFixture : WholeAppFixture
{
    protected override bool Dashboard => false;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting__PublicRequestsPerMinute"] = "1000000",
        ["CodeThrottle__PerClientLimit"] = "1000000",
        ["CodeThrottle__GlobalLimit"] = "1000000",
    };
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileAppCollection : ICollectionFixture<HostileAppFixture>
{
    public const string Name = "hostile app";
}

/// <summary>
/// DESIGN §10 on the app as the AppHost starts it, in its default environment: every operation in each service's OpenAPI
/// document gets hostile requests (tools/HostileInput), anonymous and with a staff token of each role. None may get a 5xx, every
/// 4xx of the app's own is a ProblemDetails, none may succeed, and no row may be added to any table of any database.
/// </summary>
[Collection(HostileAppCollection.Name)]
public sealed class HostileInputSystemTests(HostileAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Thousands_of_hostile_requests_to_every_operation_get_4xx_problems_and_change_no_table()
    {
        var databases = await fixture.DatabasesAsync();
        var before = await DatabaseRows.CountAsync(databases);
        var logBefore = fixture.LogText.Length;

        var report = await HostileRun.RunAsync(new HostileRunOptions
        {
            Targets = ResourceNames.Services.Select(s => new HostileTarget(s, new Uri(fixture.Url(s)))).ToList(),
            SigningKey = fixture.SigningKey,
        });
        output.WriteLine(report.Summary());

        Assert.True(report.Total >= 2000, $"only {report.Total} requests");
        Assert.True(report.ByService.Count == ResourceNames.Services.Length, "every service was reached");
        Assert.Empty(report.SkippedOperations);
        Assert.Empty(report.Findings);
        Assert.DoesNotContain(report.ByStatus.Keys, status => status >= 500 || status == 0);
        var after = await DatabaseRows.CountAsync(databases);
        Assert.Equal(before, after);
        Assert.DoesNotContain("An unhandled exception", fixture.LogText[logBefore..]);
    }
}
