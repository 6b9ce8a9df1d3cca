using System.Diagnostics;
using System.Text.Json;
using Medborgare.ServiceDefaults;

namespace Medborgare.SystemTests;

/// <summary>
/// Beyond one machine (docs/deploy.md): in publish mode the AppHost describes the app for deployment tooling with Aspire's standard
/// PostgreSQL and RabbitMQ resources. The manifest names every part, both servers, who references whom, the replica counts, and
/// the municipality every part is configured with.
/// </summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task The_deployment_manifest_has_every_part_both_servers_their_references_the_replicas_and_the_municipality()
    {
        var root = Medborgare.Testing.TestServers.RepositoryRoot();
        var output = Path.Combine(Medborgare.Testing.TestServers.NewStateDirectory("manifest"), "aspire-manifest.json");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in new[] { "run", "--project", "AppHost", "--no-build", "--", "--publisher", "manifest", "--output-path", output, "--replicas", "3",
                     "--municipality-name", "Testby kommun", "--municipality-code", "0999" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the publisher did not finish");
        Assert.True(process.ExitCode == 0, await log + await errors);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var resources = manifest.RootElement.GetProperty("resources");
        string Type(string name) => resources.GetProperty(name).GetProperty("type").GetString()!;

        Assert.Equal("container.v0", Type(ResourceNames.Postgres));
        Assert.Contains("postgres", resources.GetProperty(ResourceNames.Postgres).GetProperty("image").GetString());
        Assert.Equal("container.v0", Type(ResourceNames.Messaging));
        Assert.Contains("rabbitmq", resources.GetProperty(ResourceNames.Messaging).GetProperty("image").GetString());
        foreach (var (part, database) in new[] { (ResourceNames.Distribution, ResourceNames.DistributionDb), (ResourceNames.Collection, ResourceNames.CollectionDb),
                     (ResourceNames.Analysis, ResourceNames.AnalysisDb), (ResourceNames.FollowUp, ResourceNames.FollowUpDb), (ResourceNames.Web, ResourceNames.WebDb) })
        {
            Assert.Equal("project.v0", Type(part));
            Assert.Equal("value.v0", Type(database));
            Assert.Contains($"{{{ResourceNames.Postgres}.connectionString}}", resources.GetProperty(database).GetProperty("connectionString").GetString());
            var env = resources.GetProperty(part).GetProperty("env");
            Assert.Equal($"{{{database}.connectionString}}", env.GetProperty($"ConnectionStrings__{database}").GetString());
            Assert.Equal("Production", env.GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
            Assert.Equal("{staff-signing-key.value}", env.GetProperty("Auth__SigningKey").GetString());
            // The municipality is configured once, on the AppHost, and every part gets it from there.
            Assert.Equal("Testby kommun", env.GetProperty("Municipality__Name").GetString());
            Assert.Equal("0999", env.GetProperty("Municipality__Code").GetString());
            // Only the connection string: no host, port or password beside it.
            Assert.DoesNotContain(env.EnumerateObject(), v => v.Name.EndsWith("_PASSWORD", StringComparison.Ordinal));
            if (part != ResourceNames.Web)
                Assert.Equal($"{{{ResourceNames.Messaging}.connectionString}}", env.GetProperty($"ConnectionStrings__{ResourceNames.Messaging}").GetString());
        }
        var web = resources.GetProperty(ResourceNames.Web).GetProperty("env");
        foreach (var service in ResourceNames.Services)
            Assert.Equal($"{{{service}.bindings.http.url}}", web.GetProperty($"services__{service}__http__0").GetString());
        // The letters point residents to the web app's /svara unless --answer-url names a public address.
        Assert.Equal($"{{{ResourceNames.Web}.bindings.http.url}}/svara",
            resources.GetProperty(ResourceNames.Distribution).GetProperty("env").GetProperty("Municipality__AnswerUrl").GetString());
        Assert.Equal(3, resources.GetProperty(ResourceNames.Collection).GetProperty("replicas").GetInt32());
        Assert.Equal(3, resources.GetProperty(ResourceNames.Analysis).GetProperty("replicas").GetInt32());
        Assert.False(resources.GetProperty(ResourceNames.Distribution).TryGetProperty("replicas", out _));
        // Secrets are parameters the deployment supplies, never values in the file.
        foreach (var secret in new[] { "postgres-password", "rabbitmq-password", "staff-signing-key", "first-administrator-password" })
            Assert.True(resources.GetProperty(secret).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean(), secret);
        // The local servers of a single machine have no place in a deployment.
        Assert.False(resources.TryGetProperty("postgres-init", out _));
        Assert.False(resources.TryGetProperty("messaging-epmd", out _));
    }
}
