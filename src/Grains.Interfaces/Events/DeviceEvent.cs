namespace GongGrid.Grains.Interfaces;

/// <summary>Something a device in a village reported: a strike, a heartbeat, an alarm button press or a speaker playback.</summary>
/// <param name="EventId">Unique per device; an event with an id already applied is acknowledged again but applied once.</param>
/// <param name="DeviceTime">The device's clock when it happened.</param>
/// <param name="Sequence">Per-device counter, increasing; gaps show lost events.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.DeviceEvent")]
public abstract record DeviceEvent(string EventId, DateTimeOffset DeviceTime, long Sequence)
{
    /// <summary>
    /// When the edge bridge received it from the device; null when the grid receives it directly. Clock skew is
    /// judged against this, so events buffered during a link outage keep their true time.
    /// </summary>
    [Id(3)]
    public DateTimeOffset? ReceivedAt { get; init; }
}

/// <summary>A gong sensor heard one strike.</summary>
/// <param name="StrikerId">The striker, when the device knows who struck (e.g. from a tag); else the rota decides.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.StrikeEvent")]
public sealed record StrikeEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, string? StrikerId = null)
    : DeviceEvent(EventId, DeviceTime, Sequence);

/// <summary>A device says it is alive, with its battery and radio signal when it knows them.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.HeartbeatEvent")]
public sealed record HeartbeatEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, int? BatteryPercent = null, int? SignalDbm = null)
    : DeviceEvent(EventId, DeviceTime, Sequence);

/// <summary>Someone pressed an alarm button, choosing the kind of emergency.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.AlarmButtonEvent")]
public sealed record AlarmButtonEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, AlarmKind Kind)
    : DeviceEvent(EventId, DeviceTime, Sequence);

/// <summary>A smart speaker played a program.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.PlaybackEvent")]
public sealed record PlaybackEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, PlaybackProgram Program)
    : DeviceEvent(EventId, DeviceTime, Sequence);
