using Medborgare.AppHost;
using Medborgare.AppHost.Hosting;

// Medborgare on one machine: private PostgreSQL and RabbitMQ servers, the four services and the web app.
// Options: --state-dir DIR, --postgres "<connection string>", --rabbitmq amqp://user:pass@host:port,
// --demo (populate it with the demo municipality on first start; see docs/demo.md)
var builder = DistributedApplication.CreateBuilder(args);
builder.AddMedborgare();

await using var app = builder.Build();
if (builder.Options.Demo) app.WhenHealthy(DemoData.SeedOnceAsync);
return await app.RunAsync();
