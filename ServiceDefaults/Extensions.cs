using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Medborgare.ServiceDefaults;

/// <summary>The Aspire service-defaults contract: telemetry, health, discovery and resilience for every part.</summary>
public static class Extensions
{
    public const string ReadyTag = "ready";
    const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.AddClientErrorHandling();
        return builder;
    }

    /// <summary>
    /// Logs, metrics and traces over OTLP, when a collector listens (OTEL_EXPORTER_OTLP_ENDPOINT; the AppHost points it at the
    /// dashboard). With none, nothing is registered: no span is built only to be dropped, and a request costs what it costs.
    /// <c>Telemetry:TraceSampleRatio</c> (default 1) keeps that share of the traces that start here; a trace that started
    /// upstream is kept or dropped as it was there, so a trace is whole or absent.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var ratio = Math.Clamp(builder.Configuration.GetValue("Telemetry:TraceSampleRatio", 1.0), 0, 1);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(Telemetry.MeterName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                .AddSource(Telemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .UseOtlpExporter();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (ready: every check, including the database and the broker) and <c>/alive</c>
    /// (the process answers). Both are anonymous and say only Healthy/Unhealthy.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// ProblemDetails for every error status: exceptions (<see cref="ClientErrorHandler"/> for the client's mistakes, 500 with a
    /// trace id for the rest), and the empty 401, 403, 404, 405 and 429 of authentication, routing and rate limiting. Authentication
    /// and authorisation run inside it, so that their challenges get a body too.
    /// </summary>
    public static WebApplication UseProblemDetailsForErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
