using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;

namespace GongGrid.Api.Tests.Support;

/// <summary>Device events as an edge bridge sends them, each with a fresh event id and sequence number.</summary>
public static class DeviceEvents
{
    private static long _sequence;

    public static DeviceEvent Strike(string deviceKey, DateTimeOffset at, string strikerId = "") =>
        New(deviceKey, at, deviceEvent => deviceEvent.Strike = new Strike { StrikerId = strikerId });

    /// <summary>A peace round: <paramref name="strikes"/> strikes 4 s apart.</summary>
    public static DeviceEvent[] Round(string deviceKey, DateTimeOffset start, int strikes = 9, string strikerId = "") =>
        [.. Enumerable.Range(0, strikes).Select(index => Strike(deviceKey, start.AddSeconds(4 * index), strikerId))];

    /// <summary>The alarm: <paramref name="groups"/> groups of 3 strikes 0.4 s apart, 5 s between groups.</summary>
    public static DeviceEvent[] AlarmStrikes(string deviceKey, DateTimeOffset start, int groups = 2) =>
        [.. Enumerable.Range(0, groups * 3).Select(index => Strike(deviceKey, start.AddSeconds(6 * (index / 3)).AddMilliseconds(400 * (index % 3))))];

    public static DeviceEvent Button(string deviceKey, DateTimeOffset at, AlarmKind kind) =>
        New(deviceKey, at, deviceEvent => deviceEvent.AlarmButton = new AlarmButton { Kind = kind });

    public static DeviceEvent Heartbeat(string deviceKey, DateTimeOffset at, int? batteryPercent = null) =>
        New(deviceKey, at, deviceEvent =>
        {
            deviceEvent.Heartbeat = new Heartbeat();
            if (batteryPercent is { } battery)
            {
                deviceEvent.Heartbeat.BatteryPercent = battery;
            }
        });

    public static DeviceEvent Playback(string deviceKey, DateTimeOffset at, PlaybackProgram program = PlaybackProgram.Peace) =>
        New(deviceKey, at, deviceEvent => deviceEvent.Playback = new Playback { Program = program });

    /// <summary>An event with no kind at all.</summary>
    public static DeviceEvent Bare(string deviceKey, DateTimeOffset at) => New(deviceKey, at, _ => { });

    private static DeviceEvent New(string deviceKey, DateTimeOffset at, Action<DeviceEvent> kind)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var deviceEvent = new DeviceEvent
        {
            DeviceKey = deviceKey,
            EventId = $"ev-{sequence}",
            DeviceTime = Timestamp.FromDateTimeOffset(at),
            Sequence = sequence,
        };
        kind(deviceEvent);
        return deviceEvent;
    }
}
