using GongGrid.Grains.Aggregates;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Districts;

/// <summary>What a district grain persists: its setup and the live counts, alarms and device problems pushed up to it.</summary>
public sealed class DistrictState
{
    public DistrictSetup? Setup { get; set; }

    /// <summary>Each commune's counts, per recent night.</summary>
    public List<NightEntries<OutcomeCounts>> Nights { get; set; } = [];

    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];
}
