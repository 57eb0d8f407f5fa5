using GongGrid.EdgeBridge.Devices;
using GongGrid.EdgeBridge.Intake;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.EdgeBridge.Uplink;
using GongGrid.Grains.Interfaces;
using GongGrid.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge;

/// <summary>
/// One bridge: the journal, the MQTT session (clean session off, manual acknowledgement), the intake that
/// journals device messages, the uplink that forwards them, and the metrics page.
/// </summary>
public sealed class BridgeHost(BridgeOptions options, ILoggerFactory logging, TimeProvider clock)
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
        await using var broker = new MqttClient(BrokerSession(), logging.CreateLogger<MqttClient>());
        broker.StateChanged += state => Metrics.SetBrokerLink(state.IsConnected);
        using var channel = GridChannel.Open(options.Grid);
        var intake = new DeviceIntake(journal, directory, Metrics, clock, logging.CreateLogger<DeviceIntake>());
        var uplink = new GridUplink(channel, options.Grid, journal, directory, new CommandPublisher(broker, Metrics), Metrics, clock, logging.CreateLogger<GridUplink>());
        await using var metricsPage = options.MetricsListen.Length == 0 ? null : await MetricsPageAsync(journal, clock, cancellationToken);

        broker.Start();
        var tasks = new[] { intake.RunAsync(broker.Messages, cancellationToken), uplink.RunAsync(cancellationToken) };
        ready($"bridge for {string.Join(", ", options.Villages)}: broker {options.Broker.Host}:{options.Broker.Port}, grid {options.Grid.Address}, journal depth {recovered}, metrics {metricsPage?.Urls.FirstOrDefault() ?? "off"}");
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the journal closes below, after the broker session, so no acknowledged event is cut short.
        }
    }

    private MqttClientOptions BrokerSession() => new()
    {
        Host = options.Broker.Host,
        Port = options.Broker.Port,
        ClientId = options.Broker.ClientId,
        CleanSession = false,
        Username = options.Broker.Username,
        Password = options.Broker.Password,
        KeepAlive = options.Broker.KeepAlive,
        Tls = options.Broker.Tls ? new MqttTlsOptions { TargetHost = options.Broker.Host } : null,
        Subscriptions = (options.Broker.TopicFilters.Count > 0 ? options.Broker.TopicFilters : options.Villages.Select(DeviceTopic.EventsOf))
            .Select(filter => new MqttSubscription(filter)).ToList(),
    };

    private async Task<WebApplication> MetricsPageAsync(EventJournal journal, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.MetricsListen);
        var page = builder.Build();
        page.MapGet("/metrics", () =>
        {
            var journalMetrics = journal.GetMetrics();
            var oldest = journalMetrics.OldestUnacknowledgedAppendedAt is { } appended ? time.GetUtcNow() - appended : (TimeSpan?)null;
            return Results.Text(Metrics.Render(journalMetrics.Depth, oldest), "text/plain; version=0.0.4");
        });
        await page.StartAsync(cancellationToken);
        return page;
    }
}
