using System.Text.Json.Serialization;
using MassTransit;
using Medborgare.Analysis.Consumers;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<AnalysisDbContext>(ResourceNames.Analysis, ResourceNames.AnalysisDb,
            bus =>
            {
                bus.AddConsumer<SurveyPublishedConsumer>();
                bus.AddConsumer<PopulationMarginsRegisteredConsumer>();
                bus.AddConsumer<SurveyClosedConsumer>();
                bus.AddConsumer<CitizenFeedbackReceivedConsumer>();
                AddResponseConsumers(bus, builder.Configuration);
            });
        builder.Services.AddSingleton(ReadReportOptions(builder.Configuration));
        builder.Services.AddSingleton<SurveyDefinitions>();
        builder.Services.AddScoped<ResultsCalculator>();
        builder.Services.AddScoped<ResultsPublisher>();
        builder.Services.AddScoped<ResponseCounter>();
        builder.Services.AddScoped<ResponseIngest>();
        // After the migrator (hosted services start in order), so it finds the markers the migration set.
        builder.Services.AddHostedService<StatisticsRebuilder>();
        // Every estimate is finite (a stratum with one respondent adds no variance rather than NaN), but should a NaN ever
        // reach a response, the JSON says "NaN" rather than the request failing.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals);
        builder.Services.AddOpenApi();
    }

    /// <summary>
    /// A response batch closes after Analysis:ResponseBatchTimeLimit (default 100 ms from its first message) or at its message
    /// limit, whichever comes first: Analysis:ResponseBatchMessageLimit single responses (default 1,000), or
    /// Analysis:PackedResponseBatchMessageLimit packed messages (default 10, about a thousand responses). So a batch grows with
    /// the load: one transaction, and one row write per touched cell, for all the responses that arrived in that time.
    /// </summary>
    static void AddResponseConsumers(IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        var timeLimit = configuration.GetValue("Analysis:ResponseBatchTimeLimit", TimeSpan.FromMilliseconds(100));
        var singleLimit = configuration.GetValue("Analysis:ResponseBatchMessageLimit", 1000);
        var packedLimit = configuration.GetValue("Analysis:PackedResponseBatchMessageLimit", 10);
        bus.AddConsumer<SurveyResponseBatchConsumer>(c => c.Options<BatchOptions>(o =>
        {
            o.MessageLimit = singleLimit;
            o.TimeLimit = timeLimit;
            o.ConcurrencyLimit = 2;
        }));
        bus.AddConsumer<SurveyResponsesBatchConsumer>(c => c.Options<BatchOptions>(o =>
        {
            o.MessageLimit = packedLimit;
            o.TimeLimit = timeLimit;
            o.ConcurrencyLimit = 2;
        }));
    }

    /// <summary>
    /// Analysis:SuppressionThreshold (default 30). Below 10 the service refuses to start: a misconfigured
    /// röjandeskydd must be seen, not silently raised.
    /// </summary>
    static ReportOptions ReadReportOptions(IConfiguration configuration)
    {
        var threshold = configuration.GetValue("Analysis:SuppressionThreshold", 30);
        if (threshold < SuppressionOptions.Minimum)
            throw new InvalidOperationException(
                $"Analysis:SuppressionThreshold is {threshold}; it must be at least {SuppressionOptions.Minimum} so that no small group can be revealed.");
        return new ReportOptions { Suppression = new SuppressionOptions { Threshold = threshold } };
    }
}
