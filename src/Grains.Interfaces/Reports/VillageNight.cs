namespace GongGrid.Grains.Interfaces;

/// <summary>A village's outcome for one night and the striker credited with it.</summary>
/// <param name="StrikerId">The striker the sensor named, else the one on the rota; null when the village has none.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageNight")]
public sealed record VillageNight(string VillageKey, NightOutcome Outcome, string? StrikerId);
