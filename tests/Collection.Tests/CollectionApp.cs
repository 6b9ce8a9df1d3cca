using System.Collections.Concurrent;
using System.Net;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.Collection.Tests;

/// <summary>
/// Collection on real PostgreSQL and RabbitMQ for a test class, with every log line captured. <see cref="OpenSurveyAsync"/>
/// gives a test an empty database with one open survey and issued codes; every reset also gives the test's clients an
/// address of their own, because the code-guess throttle and the per-client rate limit remember addresses in memory.
/// </summary>
public sealed class CollectionApp() : ServiceApp<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb)
{
    static int addresses;
    IPAddress address = NextAddress();

    public ConcurrentQueue<string> LogLines { get; } = new();
    public Guid SurveyId { get; private set; }
    public List<string> Codes { get; } = [];
    public string Salt { get; private set; } = "";

    /// <summary>A host of the test's own, for settings the shared one does not have (dispose it).</summary>
    public static Task<CollectionApp> StartOwnAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        StartOwnAsync(new CollectionApp(), settings, database: null, broker: null);

    protected override ServiceFactory<CollectionDbContext> CreateFactory(string service, string databaseKey, string database, string broker) =>
        new CapturingFactory(database, broker, LogLines);

    /// <summary>A resident's client, calling from this test's address.</summary>
    public override HttpClient CreateClient()
    {
        var from = address;
        return new HttpClient(Factory.Server.CreateHandler(http => http.Connection.RemoteIpAddress = from)) { BaseAddress = Factory.ClientOptions.BaseAddress };
    }

    public override async Task ResetAsync()
    {
        await base.ResetAsync();
        LogLines.Clear();
        address = NextAddress();
        Codes.Clear();
        SurveyId = Guid.Empty;
        Salt = "";
    }

    /// <summary>Responses that wait in their submission marks to be sent.</summary>
    protected override IEnumerable<string> PendingWork => ["SELECT count(*) FROM submissions WHERE pending_answers IS NOT NULL"];

    /// <summary>An empty database, then one open survey and <paramref name="codes"/> issued codes, half in Norra and half in Södra.</summary>
    public async Task OpenSurveyAsync(int codes = 5)
    {
        await ResetAsync();
        SurveyId = Guid.NewGuid();
        Salt = InvitationCode.NewSalt();
        await TestMessages.PublishAsync(BrokerConnectionString, new SurveyPublished
        {
            SurveyId = SurveyId, MunicipalityCode = "0136", Year = 2026, PublishedAt = DateTimeOffset.UtcNow,
            Questionnaire = CollectionTestData.Questionnaire,
        }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await CountAsync(db => db.Surveys) == 1, what: "the survey");

        var issued = new List<IssuedInvitation>();
        for (var i = 0; i < codes; i++)
        {
            var code = InvitationCode.Generate();
            InvitationCode.Check(code, out var normalized);
            Codes.Add(code);
            issued.Add(new IssuedInvitation
            {
                CodeHash = InvitationCode.Hash(normalized, Salt), ValidUntil = new DateOnly(2099, 12, 31),
                Stratum = new Stratum { District = i % 2 == 0 ? "Norra" : "Södra", Sex = "K", AgeGroup = "35-44" },
            });
        }
        await TestMessages.PublishAsync(BrokerConnectionString,
            new InvitationsIssued { SurveyId = SurveyId, CodeSalt = Salt, Invitations = issued }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await CountAsync(db => db.Invitations) == codes, what: "the invitations");
    }

    public async Task<int> CountAsync<T>(Func<CollectionDbContext, IQueryable<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CollectionDbContext>()).CountAsync();
    }

    static IPAddress NextAddress()
    {
        var n = Interlocked.Increment(ref addresses);
        return new IPAddress(new byte[] { 10, (byte)(n >> 16), (byte)(n >> 8), (byte)n });
    }

    sealed class CapturingFactory(string database, string broker, ConcurrentQueue<string> lines)
        : ServiceFactory<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb, database, broker)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ResponseRelease:AnsweredFlagsEvery", "00:00:01");
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(lines)));
        }
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
