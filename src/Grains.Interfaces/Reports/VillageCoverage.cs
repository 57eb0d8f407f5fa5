namespace GongGrid.Grains.Interfaces;

/// <summary>A village's residential clusters that no working gong reaches: where to propose a new gong.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageCoverage")]
public sealed record VillageCoverage(string VillageKey, string VillageName, IReadOnlyList<CoverageGap> Gaps);
