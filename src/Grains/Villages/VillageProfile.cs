using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Villages;

/// <summary>
/// The slow-changing half of a village's state: what it needs every night (name, settings, striker rota), device
/// health that changed, alarms and night history. Written when one of those changes, never for a plain strike.
/// The rest of its roster entry lives in its <see cref="IVillageRosterGrain"/>.
/// </summary>
public sealed class VillageProfile
{
    /// <summary>Nights of history kept: a quarter and a month, enough for the quarterly and monthly reports.</summary>
    public const int NightsKept = 124;

    /// <summary>Alarms kept, live or not.</summary>
    public const int AlarmsKept = 64;

    /// <summary>The village key; null until the roster is imported.</summary>
    public string? Key { get; set; }

    public string Name { get; set; } = "";

    public SignalSettings Settings { get; set; } = new();

    /// <summary>The roster's strikers in rota order.</summary>
    public List<string> StrikerIds { get; set; } = [];

    /// <summary>When the village entered the roster: nights that closed before it are not its to answer for.</summary>
    public DateTimeOffset ConfiguredAt { get; set; }

    /// <summary>Last status of each device that reported a change of health, by slug; the others are as the roster says.</summary>
    public Dictionary<string, DeviceStatus> Devices { get; set; } = [];

    public List<Alarm> Alarms { get; set; } = [];

    public int AlarmsRaised { get; set; }

    /// <summary>Final outcomes, oldest first.</summary>
    public List<VillageNight> Nights { get; set; } = [];

    /// <summary>The gaps last reported to the commune, so only changes travel up.</summary>
    public List<CoverageGap> CoverageGaps { get; set; } = [];
}
