using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Reports;

/// <summary>
/// Reports that gather from many grains: coverage gaps, striker allowances, quarterly commune reports. They fan
/// out from here, outside every grain, because a commune or district that called down to its villages could
/// wait on a village that is waiting on it. Live counts and alarms need no fan-out: ask the district grain.
/// </summary>
public sealed class DistrictReports(IGrainFactory grains)
{
    /// <summary>Villages whose residential clusters no working gong reaches, across the district.</summary>
    public async Task<IReadOnlyList<VillageCoverage>> CoverageGapsAsync(string districtKey, DateOnly night)
    {
        var communes = await CommunesOfAsync(districtKey);
        var details = await Task.WhenAll(communes.Select(commune => grains.Get<ICommuneGrain>(commune.Key).GetDetailAsync(night)));
        return details.SelectMany(detail => detail.CoverageGaps).ToList();
    }

    /// <summary>What every striker in the district is owed for a month, village by village.</summary>
    public async Task<IReadOnlyList<VillageAllowances>> StrikerAllowancesAsync(string districtKey, int year, int month)
    {
        var villages = await VillagesOfAsync(districtKey);
        return await Task.WhenAll(villages.Select(village => grains.Get<IVillageGrain>(village.Key).GetAllowancesAsync(year, month)));
    }

    /// <summary>The quarterly report of one commune: on-time rate per village, alarms, device condition.</summary>
    public async Task<QuarterlyCommuneReport> QuarterlyCommuneReportAsync(string communeKey, Quarter quarter)
    {
        var setup = await grains.Get<ICommuneGrain>(communeKey).GetSetupAsync();
        var villages = await Task.WhenAll(setup.Villages.Select(village => grains.Get<IVillageGrain>(village.Key).GetQuarterAsync(quarter)));
        var onTime = new OnTimeRate(villages.Sum(village => village.OnTime.OnTimeNights), villages.Sum(village => village.OnTime.Nights));
        return new QuarterlyCommuneReport(setup.Key, setup.Name, quarter, onTime, villages);
    }

    private async Task<IReadOnlyList<CommuneEntry>> CommunesOfAsync(string districtKey) =>
        (await grains.Get<IDistrictGrain>(districtKey).GetSetupAsync()).Communes;

    private async Task<IEnumerable<VillageEntry>> VillagesOfAsync(string districtKey)
    {
        var communes = await CommunesOfAsync(districtKey);
        var setups = await Task.WhenAll(communes.Select(commune => grains.Get<ICommuneGrain>(commune.Key).GetSetupAsync()));
        return setups.SelectMany(setup => setup.Villages);
    }
}
