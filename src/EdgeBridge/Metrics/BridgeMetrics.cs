using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GongGrid.EdgeBridge.Metrics;

/// <summary>
/// What an operator asks of a bridge at 22:00: is the link up, is anything piling up, and what was refused and why.
/// The counts live here (the demo reads them too) and are published as observable instruments on the
/// <see cref="MeterName"/> meter, which the metrics page exports for Prometheus; counters only grow.
/// </summary>
public sealed class BridgeMetrics : IDisposable
{
    public const string MeterName = "GongGrid.EdgeBridge";

    private readonly ConcurrentDictionary<string, long> _rejected = new();
    private readonly Meter _meter = new(MeterName);
    private long _received;
    private long _journaled;
    private long _forwarded;
    private long _acknowledged;
    private long _duplicates;
    private long _journalFullWaits;
    private long _commands;
    private volatile bool _linkUp;
    private volatile bool _brokerConnected;

    public BridgeMetrics()
    {
        Count("gonggrid.bridge.events.received", "Device events received from the broker.", () => Received);
        Count("gonggrid.bridge.events.journaled", "Events durably in the journal (then acknowledged to the broker).", () => Journaled);
        Count("gonggrid.bridge.events.forwarded", "Events sent to the grid, resends included.", () => Forwarded);
        Count("gonggrid.bridge.events.acknowledged", "Events the grid acknowledged.", () => Acknowledged);
        Count("gonggrid.bridge.events.duplicate", "Events the grid had already applied.", () => Interlocked.Read(ref _duplicates));
        Count("gonggrid.bridge.journal.full_waits", "Times an event waited because the journal was full.", () => Interlocked.Read(ref _journalFullWaits));
        Count("gonggrid.bridge.commands", "Device commands published to the broker.", () => Interlocked.Read(ref _commands));
        _meter.CreateObservableCounter(
            "gonggrid.bridge.events.rejected",
            () => _rejected.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("reason", pair.Key))),
            description: "Events refused, by reason.");
        _meter.CreateObservableGauge("gonggrid.bridge.link_up", () => _linkUp ? 1 : 0, description: "Whether the uplink stream to the grid is open.");
        _meter.CreateObservableGauge("gonggrid.bridge.broker_connected", () => _brokerConnected ? 1 : 0, description: "Whether the MQTT session with the village broker is up.");
    }

    public long Received => Interlocked.Read(ref _received);

    public long Journaled => Interlocked.Read(ref _journaled);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public bool LinkUp => _linkUp;

    public bool BrokerConnected => _brokerConnected;

    public IReadOnlyDictionary<string, long> Rejected => _rejected;

    public void OnReceived() => Interlocked.Increment(ref _received);

    public void OnJournaled() => Interlocked.Increment(ref _journaled);

    public void OnForwarded(int events) => Interlocked.Add(ref _forwarded, events);

    public void OnAcknowledged(bool duplicate)
    {
        Interlocked.Increment(ref _acknowledged);
        if (duplicate)
        {
            Interlocked.Increment(ref _duplicates);
        }
    }

    public void OnRejected(string reason) => _rejected.AddOrUpdate(reason, 1, (_, count) => count + 1);

    public void OnJournalFull() => Interlocked.Increment(ref _journalFullWaits);

    public void OnCommand() => Interlocked.Increment(ref _commands);

    public void SetLink(bool up) => _linkUp = up;

    public void SetBrokerLink(bool connected) => _brokerConnected = connected;

    public void Dispose() => _meter.Dispose();

    private void Count(string name, string description, Func<long> value) =>
        _meter.CreateObservableCounter(name, value, description: description);
}
