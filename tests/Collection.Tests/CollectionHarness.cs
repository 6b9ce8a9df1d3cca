using System.Collections.Concurrent;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.Collection.Tests;

/// <summary>Collection on real PostgreSQL and RabbitMQ, with one open survey, issued codes, and every log line captured.</summary>
sealed class CollectionHarness(string database, string broker)
    : ServiceFactory<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb, database, broker)
{
    public ConcurrentQueue<string> LogLines { get; } = new();
    public Guid SurveyId { get; } = Guid.NewGuid();
    public List<string> Codes { get; } = [];
    public string Salt { get; } = InvitationCode.NewSalt();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ResponseRelease:AnsweredFlagsEvery", "00:00:01");
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(LogLines)));
    }

    public static async Task<CollectionHarness> StartAsync(int codes = 5, IReadOnlyDictionary<string, string>? settings = null)
    {
        var servers = await TestServers.GetAsync();
        var harness = new CollectionHarness(servers.NewDatabase("collection"), await servers.NewVirtualHostAsync());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) harness.Settings[key] = value;
        await harness.StartHealthyAsync();
        await TestMessages.PublishAsync(harness.BrokerConnectionString, new SurveyPublished
        {
            SurveyId = harness.SurveyId, MunicipalityCode = "0136", Year = 2026, PublishedAt = DateTimeOffset.UtcNow,
            Questionnaire = CollectionTestData.Questionnaire,
        }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await harness.CountAsync(db => db.Surveys) == 1, what: "the survey");

        var issued = new List<IssuedInvitation>();
        for (var i = 0; i < codes; i++)
        {
            var code = InvitationCode.Generate();
            InvitationCode.Check(code, out var normalized);
            harness.Codes.Add(code);
            issued.Add(new IssuedInvitation
            {
                CodeHash = InvitationCode.Hash(normalized, harness.Salt), ValidUntil = new DateOnly(2099, 12, 31),
                Stratum = new Stratum { District = i % 2 == 0 ? "Norra" : "Södra", Sex = "K", AgeGroup = "35-44" },
            });
        }
        await TestMessages.PublishAsync(harness.BrokerConnectionString,
            new InvitationsIssued { SurveyId = harness.SurveyId, CodeSalt = harness.Salt, Invitations = issued }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await harness.CountAsync(db => db.Invitations) == codes, what: "the invitations");
        return harness;
    }

    public async Task<int> CountAsync<T>(Func<CollectionDbContext, IQueryable<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CollectionDbContext>()).CountAsync();
    }

    sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);
        public void Dispose() { }
    }

    sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
