using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Simulator;

/// <summary>Many synthetic districts at once, for a "national night" (e.g. 700 districts × 10 communes × 10 villages).</summary>
public static class SyntheticNation
{
    /// <summary>Districts with unique keys; each is generated from its own seed, so the result does not depend on threading.</summary>
    public static IReadOnlyList<DistrictRoster> Create(
        int districts, int communesPerDistrict, int minVillagesPerCommune, int maxVillagesPerCommune, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(districts);
        var random = new Random(seed);
        var keys = new UniqueSlugs();
        var plans = Enumerable.Range(0, districts)
            .Select(_ => VietnameseNames.PlaceName(random))
            .Select(name => (Key: keys.Claim(Slug.FromName(name)), Name: name, Seed: random.Next()))
            .ToArray();

        var rosters = new DistrictRoster[districts];
        Parallel.For(0, districts, i => rosters[i] = SyntheticDistrict.Create(
            plans[i].Key, plans[i].Name, communesPerDistrict, minVillagesPerCommune, maxVillagesPerCommune, plans[i].Seed));
        return rosters;
    }
}
