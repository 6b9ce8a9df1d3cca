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
                // A batch closes at 200 responses or 20 ms after its first (Analysis:ResponseBatchTimeLimit), whichever comes first.
                var batchTimeLimit = builder.Configuration.GetValue("Analysis:ResponseBatchTimeLimit", TimeSpan.FromMilliseconds(20));
                bus.AddConsumer<SurveyResponseBatchConsumer>(c => c.Options<BatchOptions>(o =>
                {
                    o.MessageLimit = 200;
                    o.TimeLimit = batchTimeLimit;
                    o.ConcurrencyLimit = 2;
                }));
            });
        builder.Services.AddSingleton(ReadReportOptions(builder.Configuration));
        builder.Services.AddSingleton<SurveyDefinitions>();
        builder.Services.AddScoped<ResultsCalculator>();
        builder.Services.AddScoped<ResultsPublisher>();
        // Every estimate is finite (a stratum with one respondent adds no variance rather than NaN), but should a NaN ever
        // reach a response, the JSON says "NaN" rather than the request failing.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals);
        builder.Services.AddOpenApi();
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
