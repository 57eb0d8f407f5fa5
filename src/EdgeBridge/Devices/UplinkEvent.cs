using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.Mapping;
using GongGrid.Grains.Interfaces;
using V1 = GongGrid.Api.V1;

namespace GongGrid.EdgeBridge.Devices;

/// <summary>A checked device event as the IngestService message the journal stores and the uplink sends.</summary>
public static class UplinkEvent
{
    public static V1.DeviceEvent From(string deviceKey, DeviceEvent domain, DateTimeOffset receivedAt)
    {
        var proto = new V1.DeviceEvent
        {
            DeviceKey = deviceKey,
            EventId = domain.EventId,
            DeviceTime = Timestamp.FromDateTimeOffset(domain.DeviceTime),
            Sequence = domain.Sequence,
            ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt),
        };
        switch (domain)
        {
            case StrikeEvent strike:
                proto.Strike = new V1.Strike { StrikerId = strike.StrikerId ?? "" };
                break;
            case HeartbeatEvent heartbeat:
                proto.Heartbeat = new V1.Heartbeat();
                if (heartbeat.BatteryPercent is { } battery)
                {
                    proto.Heartbeat.BatteryPercent = battery;
                }

                if (heartbeat.SignalDbm is { } signal)
                {
                    proto.Heartbeat.SignalDbm = signal;
                }

                break;
            case AlarmButtonEvent button:
                proto.AlarmButton = new V1.AlarmButton { Kind = button.Kind.ToProto() };
                break;
            case PlaybackEvent playback:
                proto.Playback = new V1.Playback { Program = playback.Program.ToProto() };
                break;
        }

        return proto;
    }

}
