using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Villages;

/// <summary>
/// The slow-changing half of a village's state: what it needs every night (name, settings, striker rota), device
/// health that changed, alarms and night history. Written when one of those changes, never for a plain strike.
/// The rest of its roster entry lives in its <see cref="IVillageRosterGrain"/>.
/// </summary>
[GenerateSerializer, Alias("gonggrid.VillageProfile")]
public sealed class VillageProfile
{
    /// <summary>Nights of history kept: a quarter and a month, enough for the quarterly and monthly reports.</summary>
    public const int NightsKept = 124;

    /// <summary>Alarms kept, live or not.</summary>
    public const int AlarmsKept = 64;

    /// <summary>The village key; null until the roster is imported.</summary>
    [Id(0)]
    public string? Key { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public SignalSettings Settings { get; set; } = new();

    /// <summary>The roster's strikers in rota order.</summary>
    [Id(3)]
    public List<string> StrikerIds { get; set; } = [];

    /// <summary>When the village entered the roster: nights that closed before it are not its to answer for.</summary>
    [Id(4)]
    public DateTimeOffset ConfiguredAt { get; set; }

    /// <summary>Last status of each device that reported a change of health, by slug; the others are as the roster says.</summary>
    [Id(5)]
    public Dictionary<string, DeviceStatus> Devices { get; set; } = [];

    [Id(6)]
    public List<Alarm> Alarms { get; set; } = [];

    [Id(7)]
    public int AlarmsRaised { get; set; }

    /// <summary>Final outcomes, oldest first.</summary>
    [Id(8)]
    public List<VillageNight> Nights { get; set; } = [];

    /// <summary>The gaps last reported to the commune, so only changes travel up.</summary>
    [Id(9)]
    public List<CoverageGap> CoverageGaps { get; set; } = [];
}
