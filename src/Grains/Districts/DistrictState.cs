using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Districts;

/// <summary>
/// What a district grain persists besides its nightly counts (a state of their own, written on every commune report):
/// its setup and the live alarms and device problems pushed up to it.
/// </summary>
public sealed class DistrictState
{
    public DistrictSetup? Setup { get; set; }

    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];
}
