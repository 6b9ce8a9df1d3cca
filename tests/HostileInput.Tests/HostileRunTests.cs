using System.Text.Json;
using Xunit.Abstractions;

namespace Medborgare.HostileInput.Tests;

public sealed class HostileRunTests(TargetApp target, ITestOutputHelper log) : IClassFixture<TargetApp>
{
    const string SigningKey = "a-signing-key-for-tests-only-0123456789";

    [Fact]
    public async Task A_run_against_a_live_app_finds_its_500_and_nothing_else()
    {
        var options = new HostileRunOptions { Targets = [new HostileTarget("things", target.BaseUri)], SigningKey = SigningKey, PerOperation = 30 };

        var report = await HostileRun.RunAsync(options);
        log.WriteLine(report.Summary());

        Assert.Equal(2 * 30 * 6, report.Total);
        Assert.Equal(2, report.Operations);
        Assert.Equal(["Admin", "Analyst", "Caseworker", "Politician", "anonymous", "bad-signature"], report.ByIdentity.Keys);
        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f =>
        {
            Assert.Equal(FindingKind.ServerError, f.Kind);
            Assert.Equal("CreateThing", f.OperationId);
            Assert.StartsWith("long-string:name=", f.Mutation);
            Assert.Equal(500, f.Status);
        });
        Assert.Equal(report.ByIdentity.Count, report.Findings.Select(f => f.Identity).Distinct().Count());
        Assert.DoesNotContain(0, report.ByStatus.Keys);
        Assert.Contains("ServerError", report.Summary());
    }

    [Fact]
    public async Task The_command_line_exits_with_1_on_findings_and_writes_the_json_report()
    {
        var json = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.json");
        var output = new StringWriter();

        var exit = await HostileCli.RunAsync(
            ["--target", $"things={target.BaseUri}", "--signing-key", SigningKey, "--per-operation", "20", "--seed", "3", "--json", json],
            output, new StringWriter());

        Assert.Equal(HostileCli.Findings, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(2 * 20 * 6, report.RootElement.GetProperty("total").GetInt32());
        Assert.NotEqual(0, report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("Findings:", output.ToString());
        File.Delete(json);
    }

    public static TheoryData<string[]> UsageErrors => new()
    {
        Array.Empty<string>(),
        new[] { "--target", "things" },
        new[] { "--target", "things=http://127.0.0.1:1", "--per-operation", "none", "--signing-key", SigningKey },
        new[] { "--target", "things=http://127.0.0.1:1", "--bogus" },
        new[] { "--target", "things=http://192.0.2.1:5101", "--signing-key", SigningKey },
        new[] { "--target", "things=http://127.0.0.1:1", "--signing-key", "too-short" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_and_remote_targets_exit_with_2(string[] args)
    {
        var exit = await HostileCli.RunAsync(args, new StringWriter(), new StringWriter());

        Assert.Equal(HostileCli.UsageError, exit);
    }
}
