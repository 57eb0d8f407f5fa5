using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Districts;

/// <summary>
/// What a district grain persists besides its nightly counts (a state of their own, written on every commune report):
/// its setup and the live alarms and device problems pushed up to it.
/// </summary>
[GenerateSerializer, Alias("gonggrid.DistrictState")]
public sealed class DistrictState
{
    [Id(0)]
    public DistrictSetup? Setup { get; set; }

    [Id(1)]
    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    [Id(2)]
    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];
}
