using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace GongGrid.EdgeBridge.Metrics;

/// <summary>
/// What an operator asks of a bridge at 22:00: is the link up, is anything piling up, and what was refused and why.
/// Written as Prometheus text; counters only grow.
/// </summary>
public sealed class BridgeMetrics
{
    private readonly ConcurrentDictionary<string, long> _rejected = new();
    private long _received;
    private long _journaled;
    private long _forwarded;
    private long _acknowledged;
    private long _duplicates;
    private long _journalFullWaits;
    private long _commands;
    private volatile string _link = "down";
    private volatile bool _brokerConnected;

    public long Received => Interlocked.Read(ref _received);

    public long Journaled => Interlocked.Read(ref _journaled);

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public string Link => _link;

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

    public void SetLink(string state) => _link = state;

    public void SetBrokerLink(bool connected) => _brokerConnected = connected;

    /// <summary>The Prometheus exposition, with the journal's depth and the age of its oldest unforwarded event.</summary>
    public string Render(long journalDepth, TimeSpan? oldestUnacknowledged)
    {
        var text = new StringBuilder();
        Counter(text, "gonggrid_bridge_events_received_total", "Device events received from the broker.", Received);
        Counter(text, "gonggrid_bridge_events_journaled_total", "Events durably in the journal (then acknowledged to the broker).", Journaled);
        Counter(text, "gonggrid_bridge_events_forwarded_total", "Events sent to the grid, resends included.", Forwarded);
        Counter(text, "gonggrid_bridge_events_acknowledged_total", "Events the grid acknowledged.", Acknowledged);
        Counter(text, "gonggrid_bridge_events_duplicate_total", "Events the grid had already applied.", Interlocked.Read(ref _duplicates));
        Counter(text, "gonggrid_bridge_journal_full_waits_total", "Times an event waited because the journal was full.", Interlocked.Read(ref _journalFullWaits));
        Counter(text, "gonggrid_bridge_commands_total", "Device commands published to the broker.", Interlocked.Read(ref _commands));
        text.Append("# HELP gonggrid_bridge_events_rejected_total Events refused, by reason.\n# TYPE gonggrid_bridge_events_rejected_total counter\n");
        foreach (var (reason, count) in _rejected.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"gonggrid_bridge_events_rejected_total{{reason=\"{reason}\"}} {count}\n");
        }

        Gauge(text, "gonggrid_bridge_journal_depth", "Events in the journal not yet acknowledged by the grid.", journalDepth);
        Gauge(text, "gonggrid_bridge_oldest_unacknowledged_seconds", "Age of the oldest event the grid has not acknowledged.", oldestUnacknowledged?.TotalSeconds ?? 0);
        text.Append(CultureInfo.InvariantCulture, $"# HELP gonggrid_bridge_link_up Whether the uplink stream to the grid is open.\n# TYPE gonggrid_bridge_link_up gauge\ngonggrid_bridge_link_up{{state=\"{_link}\"}} {(_link == "up" ? 1 : 0)}\n");
        Gauge(text, "gonggrid_bridge_broker_connected", "Whether the MQTT session with the village broker is up.", _brokerConnected ? 1 : 0);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static void Gauge(StringBuilder text, string name, string help, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
}
