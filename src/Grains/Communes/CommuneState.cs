using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Communes;

/// <summary>
/// What a commune grain persists besides its villages' nightly outcomes (a state of their own, written on every
/// village report): its setup and the live alarms, device problems and coverage gaps its villages report.
/// </summary>
[GenerateSerializer, Alias("gonggrid.CommuneState")]
public sealed class CommuneState
{
    [Id(0)]
    public CommuneSetup? Setup { get; set; }

    [Id(1)]
    public Dictionary<string, Alarm> LiveAlarms { get; set; } = [];

    [Id(2)]
    public Dictionary<string, DeviceStatus> DevicesNeedingAttention { get; set; } = [];

    /// <summary>Villages with clusters out of earshot of every working gong.</summary>
    [Id(3)]
    public Dictionary<string, VillageCoverage> CoverageGaps { get; set; } = [];
}
