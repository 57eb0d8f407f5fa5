using GongGrid.Grains.Aggregates;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Communes;

/// <summary>What a commune grain persists: its setup and the live picture its villages report.</summary>
public sealed class CommuneState
{
    public CommuneSetup? Setup { get; set; }

    /// <summary>Each village's outcome, per recent night.</summary>
    public List<NightEntries<NightOutcome>> Nights { get; set; } = [];

    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];

    /// <summary>Villages with clusters out of earshot of every working gong.</summary>
    public Dictionary<string, VillageCoverage> CoverageGaps { get; set; } = [];
}
