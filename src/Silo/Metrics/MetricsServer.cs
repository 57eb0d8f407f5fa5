using GongGrid.Grains.Interfaces;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace GongGrid.Silo.Metrics;

/// <summary>
/// The silo's /metrics for Prometheus, through OpenTelemetry's exporter: GongGrid's meter (ingest, tonight's
/// counts, live alarms), Orleans's own meter (grain calls, activations, reminders fired as
/// orleans_reminders_ticks_delivered_total, membership) and the runtime's (GC, thread pool), on an HTTP/1.1
/// port of its own.
/// </summary>
public static class MetricsServer
{
    /// <summary>Adds the page when <see cref="MetricsOptions.Listen"/> is set; returns where it will listen, or null.</summary>
    public static Uri? Configure(WebApplicationBuilder builder, MetricsOptions options, IEnumerable<ApiTokenOptions> tokens)
    {
        if (options.Listen.Length == 0)
        {
            return null;
        }

        // A scraper has to know the port anyway.
        var listen = PageListener.Listen(builder, "GongGrid:Metrics:Listen", options.Listen, "http://0.0.0.0:9464");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMeter.MeterName, "Microsoft.Orleans", "System.Runtime")
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0)); // as the bridge's page
        var districts = options.Districts.Count > 0
            ? options.Districts
            : [.. tokens.SelectMany(token => token.Scopes).Select(GrainKeys.District).Distinct(StringComparer.Ordinal)];
        builder.Services.AddHostedService(services => new TonightGauges(
            services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            districts,
            options.NightRefresh,
            services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains),
            services.GetRequiredService<ILogger<TonightGauges>>()));
        return new Uri(listen, "/metrics");
    }

    /// <summary>
    /// /metrics, and /healthz (the silo's health checks over plain HTTP, for a container's HEALTHCHECK), answered only
    /// on the page's port, told by the connection rather than the Host header (a port-forward or a bare HTTP/1.0
    /// probe sends another one, or none).
    /// </summary>
    public static void Map(WebApplication app, Uri page)
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == page.Port && context.Request.Path == page.AbsolutePath);
        app.UseHealthChecks("/healthz", page.Port);
    }
}
