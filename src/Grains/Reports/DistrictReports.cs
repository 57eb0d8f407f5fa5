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

    /// <summary>The quarterly report of one commune: on-time rate per village, alarms, device condition and health now.</summary>
    public async Task<QuarterlyCommuneReport> QuarterlyCommuneReportAsync(string communeKey, Quarter quarter)
    {
        var setup = await grains.Get<ICommuneGrain>(communeKey).GetSetupAsync();
        var villages = await Task.WhenAll(setup.Villages.Select(async village =>
        {
            var line = await grains.Get<IVillageGrain>(village.Key).GetQuarterAsync(quarter);
            return line with { Devices = await Task.WhenAll(line.Devices.Select(LiveAsync)) };
        }));
        var onTime = new OnTimeRate(villages.Sum(village => village.OnTime.OnTimeNights), villages.Sum(village => village.OnTime.Nights));
        return new QuarterlyCommuneReport(setup.Key, setup.Name, quarter, onTime, villages);
    }

    /// <summary>The devices in a district or commune (<paramref name="key"/>) that need a visit, with their health now.</summary>
    public async Task<IReadOnlyList<DeviceStatus>> DevicesNeedingAttentionAsync(string key)
    {
        var listed = await grains.Get<IDistrictGrain>(GrainKeys.District(key)).GetDevicesNeedingAttentionAsync();
        return await StillNeedingAttentionAsync(listed.Where(device => GrainKeys.IsWithin(device.DeviceKey, key)));
    }

    /// <summary>A commune on a night, as its grain keeps it, with the health of its devices needing a visit as it is now.</summary>
    public async Task<CommuneDetail> CommuneDetailAsync(string communeKey, DateOnly night)
    {
        var detail = await grains.Get<ICommuneGrain>(communeKey).GetDetailAsync(night);
        return detail with { DevicesNeedingAttention = await StillNeedingAttentionAsync(detail.DevicesNeedingAttention) };
    }

    /// <summary>
    /// The live health of listed devices. A commune and district keep each device as it was when it entered the list
    /// (a device reports up only when online, condition or its need of a visit changes, so a heartbeat costs no
    /// write up the tree); battery, last seen and counters are read from the device grains when asked. A device
    /// healthy again by now is left out: its report is on the way.
    /// </summary>
    private async Task<IReadOnlyList<DeviceStatus>> StillNeedingAttentionAsync(IEnumerable<DeviceStatus> listed) =>
        (await Task.WhenAll(listed.Select(LiveAsync))).Where(device => device.NeedsAttention).ToList();

    /// <summary>The device's health now, or as reported when the device has left the roster since.</summary>
    private async Task<DeviceStatus> LiveAsync(DeviceStatus reported)
    {
        try
        {
            return await grains.Get<IGongDeviceGrain>(reported.DeviceKey).GetStatusAsync();
        }
        catch (UnknownDeviceException)
        {
            return reported;
        }
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
