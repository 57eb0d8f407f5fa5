using System.Diagnostics.Metrics;
using GongGrid.Api.V1;

namespace GongGrid.Silo.Metrics;

/// <summary>
/// What the ingest streams carry, on the <see cref="MeterName"/> meter: events received from bridges and the
/// acknowledgements sent back, by disposition. Prometheus's rate() over these is the ingest and ack rate.
/// </summary>
public sealed class IngestMeter
{
    public const string MeterName = "GongGrid.Silo";

    private readonly Counter<long> _received;
    private readonly Counter<long> _acknowledged;

    public IngestMeter(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("gonggrid.ingest.events.received", description: "Device events received on ingest streams.");
        _acknowledged = meter.CreateCounter<long>(
            "gonggrid.ingest.events.acknowledged", description: "Device events acknowledged to bridges, by disposition (applied, duplicate, expired, rejected).");
    }

    public void OnReceived(int events) => _received.Add(events);

    public void OnAcknowledged(IEnumerable<EventAck> acks)
    {
        foreach (var group in acks.GroupBy(ack => ack.Disposition))
        {
            _acknowledged.Add(group.Count(), new KeyValuePair<string, object?>("disposition", Name(group.Key)));
        }
    }

    private static string Name(Disposition disposition) => disposition switch
    {
        Disposition.Applied => "applied",
        Disposition.Duplicate => "duplicate",
        Disposition.Expired => "expired",
        Disposition.Rejected => "rejected",
        _ => "unspecified",
    };
}
