using Medborgare.AppHost;

// Medborgare on one machine: PostgreSQL and RabbitMQ from the machine's binaries (or existing servers), the four services, the
// web app, and the Aspire dashboard. Options (README): --state-dir DIR, --postgres "<connection string>", --rabbitmq amqp://…,
// --demo, --replicas N, --environment Development, --web-port N, --municipality-name NAME --municipality-code NNNN,
// --answer-url URL, --smtp host:port,
// --servers-only --env-file FILE (for the test command).
args = MedborgareOptions.Normalize(args);
var options = MedborgareOptions.From(args);
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = options.ServersOnly });
var servers = builder.AddServers(options);

if (options.ServersOnly)
{
    builder.WriteServersEnvFileWhenHealthy(servers.LocalPostgres!.Resource, servers.LocalRabbitMQ!.Resource,
        options.ServersEnvFile ?? Path.Combine(options.StateDirectory, "servers.env"));
    builder.Build().Run();
    return;
}

var signingKey = builder.AddRunSecret("staff-signing-key", 48);
var messaging = servers.Messaging;

var distribution = builder.AddPart<Projects.Medborgare_Distribution>(ResourceNames.Distribution, options, signingKey)
    .WithDependency(servers.Database(ResourceNames.DistributionDb))
    .WithDependency(messaging);

var collection = builder.AddPart<Projects.Medborgare_Collection>(ResourceNames.Collection, options, signingKey)
    .WithDependency(servers.Database(ResourceNames.CollectionDb))
    .WithDependency(messaging)
    .WithReplicasInEveryMode(options.Replicas);

var analysis = builder.AddPart<Projects.Medborgare_Analysis>(ResourceNames.Analysis, options, signingKey)
    .WithDependency(servers.Database(ResourceNames.AnalysisDb))
    .WithDependency(messaging)
    .WithReplicasInEveryMode(options.Replicas);

var followUp = builder.AddPart<Projects.Medborgare_FollowUp>(ResourceNames.FollowUp, options, signingKey)
    .WithDependency(servers.Database(ResourceNames.FollowUpDb))
    .WithDependency(messaging);

var web = builder.AddPart<Projects.Medborgare_Web>(ResourceNames.Web, options, signingKey, port: options.WebPort == 0 ? null : options.WebPort)
    .WithDependency(servers.Database(ResourceNames.WebDb))
    .WithService(distribution)
    .WithService(collection)
    .WithService(analysis)
    .WithService(followUp)
    .WithFirstAdministrator(builder.AddRunSecret("first-administrator-password", 16))
    .WithExternalHttpEndpoints();

// The letters' address: the one given, or the web app's own /svara.
if (options.AnswerUrl is { } answerUrl) distribution.WithEnvironment("Municipality__AnswerUrl", answerUrl);
else distribution.WithEnvironment("Municipality__AnswerUrl", ReferenceExpression.Create($"{web.GetEndpoint("http")}/svara"));

// Synpunkter: the page where a resident follows a case, named in e-mailed answers; and the SMTP server they go through.
if (options.AnswerUrl is { } publicUrl && publicUrl.EndsWith("/svara", StringComparison.Ordinal))
    collection.WithEnvironment("Cases__CasePageUrl", publicUrl[..^"/svara".Length] + "/synpunkter/{receipt}");
else collection.WithEnvironment("Cases__CasePageUrl", ReferenceExpression.Create($"{web.GetEndpoint("http")}/synpunkter/{{receipt}}"));
if (options.Smtp is { } smtp) collection.WithEnvironment("Smtp__Host", smtp.Host).WithEnvironment("Smtp__Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

if (options.Demo)
{
    // The demo's residents all answer from this machine, faster than any real resident; their answered flags reach Distribution
    // within seconds so that the reminder round skips them; key figures come with two peer municipalities.
    collection.WithEnvironment("RateLimiting__PublicRequestsPerMinute", "100000")
        .WithEnvironment("CodeThrottle__PerClientLimit", "1000")
        .WithEnvironment("ResponseRelease__AnsweredFlagsEvery", "00:00:03");
    foreach (var (peer, i) in Medborgare.DemoSeeder.DemoMunicipality.Peers.Select((p, i) => (p, i)))
        followUp.WithEnvironment($"Kolada__Peers__{i}", peer);
    builder.AddProject<Projects.Medborgare_DemoSeeder>("demo", launchProfileName: null)
        .WithEnvironment("Auth__SigningKey", signingKey)
        .WithService(distribution).WithService(collection).WithService(analysis).WithService(followUp)
        .WaitFor(web)
        .ExcludeFromManifest();
}

builder.Build().Run();
