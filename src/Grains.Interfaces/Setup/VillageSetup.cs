using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>A village's roster entry with the settings in force for it (district settings with commune overrides applied).</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageSetup")]
public sealed record VillageSetup(string Key, VillageRoster Roster, SignalSettings Settings);
