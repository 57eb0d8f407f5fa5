using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Intake;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.EdgeBridge.Uplink;
using GongGrid.Grains.Interfaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace GongGrid.EdgeBridge;

/// <summary>
/// One bridge: the journal, the MQTT session (clean session off, manual acknowledgement), the intake that
/// journals device messages, the uplink that forwards them, and the metrics page.
/// </summary>
public sealed class BridgeHost(BridgeOptions options, ILoggerFactory logging, TimeProvider clock) : IDisposable
{
    public BridgeMetrics Metrics { get; } = new();

    public async Task RunAsync(Action<string> ready, CancellationToken cancellationToken)
    {
        if (options.Villages.Count == 0)
        {
            throw new InvalidOperationException("GongGrid:Bridge:Villages lists no village; a bridge serves at least one.");
        }

        Directory.CreateDirectory(options.DataDirectory);
        await using var journal = EventJournal.Open(
            new JournalOptions { Directory = Path.Combine(options.DataDirectory, "journal"), MaxTotalBytes = options.JournalMaxBytes, TimeProvider = clock },
            logging.CreateLogger<EventJournal>());
        // What an earlier run left unacknowledged, read before new events arrive and make the number meaningless.
        var recovered = journal.GetMetrics().Depth;
        var directory = new DeviceDirectory(Path.Combine(options.DataDirectory, "devices.json"));
        var intake = new DeviceIntake(journal, directory, Metrics, clock, logging.CreateLogger<DeviceIntake>());
        await using var broker = new BrokerSession(options.Broker, TopicFilters(), intake.AcceptAsync, logging.CreateLogger<BrokerSession>());
        broker.LinkChanged += Metrics.SetBrokerLink;
        using var silos = new GridSilos(options.Grid);
        var uplink = new GridUplink(silos, options.Grid, journal, directory, new CommandPublisher(broker, Metrics), Metrics, clock, logging.CreateLogger<GridUplink>());
        using var journalGauges = new JournalGauges(journal, clock);
        await using var metricsPage = options.MetricsListen.Length == 0 ? null : await MetricsPageAsync(cancellationToken);

        broker.Start();
        var running = new[] { intake.RunAsync(cancellationToken), uplink.RunAsync(cancellationToken) };
        ready($"bridge for {string.Join(", ", options.Villages)}: broker {options.Broker.Host}:{options.Broker.Port}, grid {string.Join(" ", options.Grid.SiloAddresses)}, journal depth {recovered}, metrics {metricsPage?.Urls.FirstOrDefault() ?? "off"}");
        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the journal closes below, after the broker session, so no acknowledged event is cut short.
        }
    }

    public void Dispose() => Metrics.Dispose();

    /// <summary>What the bridge subscribes to: the configured filters, or each village's event topics.</summary>
    private List<string> TopicFilters() =>
        options.Broker.TopicFilters.Count > 0 ? options.Broker.TopicFilters : [.. options.Villages.Select(DeviceTopic.EventsOf)];

    /// <summary>The bridge's meter (and the runtime's: GC, thread pool) for Prometheus at /metrics, on its own small HTTP/1.1 server.</summary>
    private async Task<WebApplication> MetricsPageAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.MetricsListen);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BridgeMetrics.MeterName, "System.Runtime")
            // Every scrape reads the instruments afresh (the exporter caches 300 ms by default): a test or an operator
            // polling for a count acts on the count now, and Prometheus's 15 s scrapes gain nothing from a cache.
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        var page = builder.Build();
        page.MapPrometheusScrapingEndpoint();
        await page.StartAsync(cancellationToken);
        return page;
    }
}
