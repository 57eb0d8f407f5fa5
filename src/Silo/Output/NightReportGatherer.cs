using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Reports;

namespace GongGrid.Silo.Output;

/// <summary>Asks the grains for a night: live counts from the district, details from each commune, allowances from villages.</summary>
public static class NightReportGatherer
{
    public static async Task<NightReport> GatherAsync(IGrainFactory grains, string districtKey, DateOnly night)
    {
        var district = grains.GetGrain<IDistrictGrain>(districtKey);
        var summary = await district.GetNightSummaryAsync(night);
        var communes = await Task.WhenAll(summary.Communes.Select(commune => grains.GetGrain<ICommuneGrain>(commune.CommuneKey).GetDetailAsync(night)));
        var allowances = await new DistrictReports(grains).StrikerAllowancesAsync(districtKey, night.Year, night.Month);
        return new NightReport(summary, communes, await district.GetLiveAlarmsAsync(), await district.GetDevicesNeedingAttentionAsync(), allowances);
    }
}
