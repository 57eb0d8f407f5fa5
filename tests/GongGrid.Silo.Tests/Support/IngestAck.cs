namespace GongGrid.Silo.Tests.Support;

/// <summary>
/// One acknowledgement printed by <c>ingest</c>: "ack DEVICE EVENT-ID applied|duplicate|expired[ clock-skewed]".
/// The silo prints it only after the event is persisted; it is the promise these tests hold the silo to.
/// </summary>
public sealed record IngestAck(string DeviceKey, string EventId, string Disposition, bool ClockSkewed)
{
    public static IngestAck? Parse(string line)
    {
        var words = line.Split(' ');
        return words is ["ack", var device, var eventId, var disposition, .. var rest]
            ? new IngestAck(device, eventId, disposition, rest is ["clock-skewed"])
            : null;
    }

    public static IReadOnlyList<IngestAck> All(IEnumerable<string> output) =>
        [.. output.Select(Parse).OfType<IngestAck>()];

    public bool Acknowledges(EventLine line) => DeviceKey == line.DeviceKey && EventId == line.EventId;
}
