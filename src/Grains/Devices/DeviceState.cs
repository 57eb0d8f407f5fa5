using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Devices;

/// <summary>What a device grain persists: its roster entry and what it has learned about the device's health.</summary>
[GenerateSerializer, Alias("gonggrid.DeviceState")]
public sealed class DeviceState
{
    [Id(0)]
    public DeviceSetup? Setup { get; set; }

    /// <summary>When the device entered the roster; silence is measured from here until it is first heard.</summary>
    [Id(1)]
    public DateTimeOffset ConfiguredAt { get; set; }

    [Id(2)]
    public DeviceCondition Condition { get; set; }

    [Id(3)]
    public DateTimeOffset? LastSeen { get; set; }

    [Id(4)]
    public int? BatteryPercent { get; set; }

    [Id(5)]
    public int? SignalDbm { get; set; }

    [Id(6)]
    public long LastSequence { get; set; }

    [Id(7)]
    public long SequenceGaps { get; set; }

    [Id(8)]
    public long ClockSkewedEvents { get; set; }

    /// <summary>The status last reported to the village, so only changes travel up.</summary>
    [Id(9)]
    public DeviceStatus? Reported { get; set; }

    /// <summary>
    /// The event ids of the last few heartbeats, newest last: a heartbeat sent again (its acknowledgement was lost) is
    /// a duplicate, not a second reading. Strikes, presses and playbacks are de-duplicated by the village.
    /// </summary>
    [Id(10)]
    public List<string> RecentHeartbeats { get; set; } = [];
}
