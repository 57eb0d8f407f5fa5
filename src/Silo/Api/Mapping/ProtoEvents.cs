using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.Mapping;
using GongGrid.Grains.Interfaces;
using V1 = GongGrid.Api.V1;

namespace GongGrid.Silo.Api.Mapping;

/// <summary>
/// A device event from an ingest stream to the domain event, or the reason it can never apply. Field rules match
/// the MQTT payload rules: an event id, a device time, a kind, and valid fields for that kind.
/// </summary>
public static class ProtoEvents
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private const int NanosPerSecond = 1_000_000_000;

    /// <param name="bridgeClockBehind">How far the sending bridge's clock is behind the grid's; added to received_at.</param>
    public static (DeviceEvent? Event, string? Rejection) ToDomain(V1.DeviceEvent proto, TimeSpan bridgeClockBehind)
    {
        if (proto.EventId.Length == 0)
        {
            return (null, "event_id is missing");
        }

        if (proto.DeviceTime is null)
        {
            return (null, "device_time is missing");
        }

        if ((OutOfRange(proto.DeviceTime, "device_time") ?? OutOfRange(proto.ReceivedAt, "received_at")) is { } wrongTime)
        {
            return (null, wrongTime);
        }

        var at = proto.DeviceTime.ToDateTimeOffset();
        var received = Corrected(proto.ReceivedAt?.ToDateTimeOffset(), bridgeClockBehind);
        DeviceEvent? domain = proto.KindCase switch
        {
            V1.DeviceEvent.KindOneofCase.Strike => new StrikeEvent(proto.EventId, at, proto.Sequence, NullIfEmpty(proto.Strike.StrikerId)),
            V1.DeviceEvent.KindOneofCase.Heartbeat when proto.Heartbeat is { HasBatteryPercent: true, BatteryPercent: < 0 or > 100 } => null,
            V1.DeviceEvent.KindOneofCase.Heartbeat => new HeartbeatEvent(
                proto.EventId, at, proto.Sequence,
                proto.Heartbeat.HasBatteryPercent ? proto.Heartbeat.BatteryPercent : null,
                proto.Heartbeat.HasSignalDbm ? proto.Heartbeat.SignalDbm : null),
            V1.DeviceEvent.KindOneofCase.AlarmButton when proto.AlarmButton.Kind.ToDomain() is { } kind =>
                new AlarmButtonEvent(proto.EventId, at, proto.Sequence, kind),
            V1.DeviceEvent.KindOneofCase.Playback when proto.Playback.Program.ToDomain() is { } program =>
                new PlaybackEvent(proto.EventId, at, proto.Sequence, program),
            _ => null,
        };
        return domain is null
            ? (null, Problem(proto))
            : (domain with { ReceivedAt = received }, null);
    }

    /// <summary>The instant a Timestamp stands for, or null when it is none (outside the years 1 to 9999, or nanos outside a second).</summary>
    public static DateTimeOffset? Instant(Timestamp? time) =>
        time is { Seconds: >= MinSeconds and <= MaxSeconds, Nanos: >= 0 and < NanosPerSecond } ? time.ToDateTimeOffset() : null;

    private static string? OutOfRange(Timestamp? time, string field) =>
        time is null || Instant(time) is not null ? null
        : $"{field} is not a time in the years 1 to 9999 (seconds {time.Seconds}, nanos {time.Nanos})";

    /// <summary>
    /// The bridge's receive time on the grid's clock; null (the grid's own receive time is used) when the shift would
    /// leave the years 1 to 9999, as it does for a bridge whose clock is absurdly far off.
    /// </summary>
    private static DateTimeOffset? Corrected(DateTimeOffset? received, TimeSpan bridgeClockBehind)
    {
        if (received is not { } instant)
        {
            return null;
        }

        var ticks = instant.UtcTicks + (double)bridgeClockBehind.Ticks;
        return ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks ? instant + bridgeClockBehind : null;
    }

    private static string Problem(V1.DeviceEvent proto) => proto.KindCase switch
    {
        V1.DeviceEvent.KindOneofCase.None => "the event has no kind (strike, heartbeat, alarm_button or playback)",
        V1.DeviceEvent.KindOneofCase.Heartbeat => $"battery_percent {proto.Heartbeat.BatteryPercent} is outside 0 to 100",
        V1.DeviceEvent.KindOneofCase.AlarmButton => "alarm_button.kind must name the alarm (fire, flood, crime, violence, disaster, other)",
        _ => "playback.program must be peace or alarm",
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
