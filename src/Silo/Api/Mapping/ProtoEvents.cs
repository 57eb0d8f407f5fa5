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

        var at = proto.DeviceTime.ToDateTimeOffset();
        var received = proto.ReceivedAt?.ToDateTimeOffset() + bridgeClockBehind;
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

    private static string Problem(V1.DeviceEvent proto) => proto.KindCase switch
    {
        V1.DeviceEvent.KindOneofCase.None => "the event has no kind (strike, heartbeat, alarm_button or playback)",
        V1.DeviceEvent.KindOneofCase.Heartbeat => $"battery_percent {proto.Heartbeat.BatteryPercent} is outside 0 to 100",
        V1.DeviceEvent.KindOneofCase.AlarmButton => "alarm_button.kind must name the alarm (fire, flood, crime, violence, disaster, other)",
        _ => "playback.program must be peace or alarm",
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
