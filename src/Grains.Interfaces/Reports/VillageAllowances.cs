namespace GongGrid.Grains.Interfaces;

/// <summary>What a village's strikers are owed for a month.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageAllowances")]
public sealed record VillageAllowances(string VillageKey, string Name, IReadOnlyList<StrikerAllowance> Strikers)
{
    public long TotalVnd => Strikers.Sum(striker => striker.AmountVnd);
}
