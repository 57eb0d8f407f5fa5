namespace GongGrid.Grains.Interfaces;

/// <summary>What a village's strikers are owed for a month.</summary>
public sealed record VillageAllowances(string VillageKey, string Name, IReadOnlyList<StrikerAllowance> Strikers)
{
    public long TotalVnd => Strikers.Sum(striker => striker.AmountVnd);
}
