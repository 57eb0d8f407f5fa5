using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Devices;

/// <summary>What a device grain persists: its roster entry and what it has learned about the device's health.</summary>
public sealed class DeviceState
{
    public DeviceSetup? Setup { get; set; }

    /// <summary>When the device entered the roster; silence is measured from here until it is first heard.</summary>
    public DateTimeOffset ConfiguredAt { get; set; }

    public DeviceCondition Condition { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public int? BatteryPercent { get; set; }

    public int? SignalDbm { get; set; }

    public long LastSequence { get; set; }

    public long SequenceGaps { get; set; }

    public long ClockSkewedEvents { get; set; }

    /// <summary>The status last reported to the village, so only changes travel up.</summary>
    public DeviceStatus? Reported { get; set; }
}
