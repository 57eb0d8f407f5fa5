using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// A village's roster entry (devices, residential clusters, strikers, officer), keyed like its village. It is cold
/// data, needed for coverage, allowances and quarterly reports but not for hearing strikes, so it lives in its own
/// grain: activated when asked, collected when idle, and the village that is busy every night stays small.
/// </summary>
[Alias("gonggrid.IVillageRosterGrain")]
public interface IVillageRosterGrain : IGrainWithStringKey
{
    /// <summary>Stores the village's roster entry.</summary>
    Task ConfigureAsync(VillageRoster roster);

    /// <summary>The roster entry; throws when the village was never configured.</summary>
    Task<VillageRoster> GetAsync();

    /// <summary>
    /// Residential clusters farther than <paramref name="audibleRadiusMeters"/> from every working gong, judging
    /// each gong by <paramref name="conditions"/> (by device slug) where given, else by its roster condition.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<CoverageGap>> FindCoverageGapsAsync(IReadOnlyDictionary<string, DeviceCondition> conditions, double audibleRadiusMeters);
}
