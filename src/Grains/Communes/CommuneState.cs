using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Communes;

/// <summary>
/// What a commune grain persists besides its villages' nightly outcomes (a state of their own, written on every
/// village report): its setup and the live alarms, device problems and coverage gaps its villages report.
/// </summary>
public sealed class CommuneState
{
    public CommuneSetup? Setup { get; set; }

    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];

    /// <summary>Villages with clusters out of earshot of every working gong.</summary>
    public Dictionary<string, VillageCoverage> CoverageGaps { get; set; } = [];
}
