using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Villages;

/// <summary>
/// The slow-changing half of a village's state: roster entry, device health, alarms and night history.
/// Written when one of those changes, never for a plain strike.
/// </summary>
public sealed class VillageProfile
{
    /// <summary>Nights of history kept: a quarter and a month, enough for the quarterly and monthly reports.</summary>
    public const int NightsKept = 124;

    /// <summary>Alarms kept, live or not.</summary>
    public const int AlarmsKept = 64;

    public VillageSetup? Setup { get; set; }

    /// <summary>When the village entered the roster: nights that closed before it are not its to answer for.</summary>
    public DateTimeOffset ConfiguredAt { get; set; }

    /// <summary>Last known status of each device, by slug.</summary>
    public Dictionary<string, DeviceStatus> Devices { get; set; } = [];

    public List<Alarm> Alarms { get; set; } = [];

    public int AlarmsRaised { get; set; }

    /// <summary>Final outcomes, oldest first.</summary>
    public List<VillageNight> Nights { get; set; } = [];

    /// <summary>The gaps last reported to the commune, so only changes travel up.</summary>
    public List<CoverageGap> CoverageGaps { get; set; } = [];
}
