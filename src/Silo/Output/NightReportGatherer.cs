using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Reports;

namespace GongGrid.Silo.Output;

/// <summary>Asks the grains for a night: live counts from the district, details from each commune, allowances from villages.</summary>
public static class NightReportGatherer
{
    public static async Task<NightReport> GatherAsync(IGrainFactory grains, string districtKey, DateOnly night)
    {
        var district = grains.GetGrain<IDistrictGrain>(districtKey);
        var reports = new DistrictReports(grains);
        var summary = await district.GetNightSummaryAsync(night);
        var communes = await Task.WhenAll(summary.Communes.Select(commune => reports.CommuneDetailAsync(commune.CommuneKey, night)));
        var allowances = await reports.StrikerAllowancesAsync(districtKey, night.Year, night.Month);
        return new NightReport(summary, communes, await district.GetLiveAlarmsAsync(), await reports.DevicesNeedingAttentionAsync(districtKey), allowances);
    }
}
