using GongGrid.Api.Mapping;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Reports;
using GongGrid.Grains.Rules;
using Grpc.Core;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using CommuneDetail = GongGrid.Api.V1.CommuneDetail;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Silo.Api.Services;

/// <summary>District and commune questions, answered from the district, commune and village grains' live state.</summary>
public sealed class DistrictApi(IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : DistrictService.DistrictServiceBase
{
    private readonly DistrictReports _reports = new(grains);

    public override async Task<NightSummary> GetNightSummary(NightSummaryRequest request, ServerCallContext context)
    {
        var districtKey = Authorize(context, RequestFields.DistrictKey(request.DistrictKey));
        var district = grains.GetGrain<IDistrictGrain>(districtKey);
        var night = RequestFields.Night(request.Night, await CurrentNight(district));
        var summary = await district.GetNightSummaryAsync(night);
        var communes = await Task.WhenAll(summary.Communes.Select(async line =>
        {
            var commune = new CommuneNight { CommuneKey = line.CommuneKey, Name = line.Name, Counts = line.Counts.ToProto() };
            if (line.Counts.OnTimeOrPlayed < line.Counts.Villages)
            {
                var villages = await grains.GetGrain<ICommuneGrain>(line.CommuneKey).GetVillagesNotOnTimeAsync(night);
                commune.NotOnTime.AddRange(villages.Select(village => village.ToProto()));
            }

            return commune;
        }));
        var reply = new NightSummary
        {
            DistrictKey = summary.DistrictKey,
            Name = summary.Name,
            Night = summary.Night.ToProto(),
            IsFinal = summary.IsFinal,
            Totals = summary.Totals.ToProto(),
        };
        reply.Communes.AddRange(communes);
        return reply;
    }

    public override async Task<CommuneDetail> GetCommuneDetail(CommuneDetailRequest request, ServerCallContext context)
    {
        var communeKey = Authorize(context, RequestFields.CommuneKey(request.CommuneKey));
        var night = RequestFields.Night(request.Night, await CurrentNight(grains.GetGrain<IDistrictGrain>(GrainKeys.District(communeKey))));
        var detail = await _reports.CommuneDetailAsync(communeKey, night);
        var reply = new CommuneDetail
        {
            CommuneKey = detail.CommuneKey,
            Name = detail.Name,
            Officer = new Officer { Name = detail.Officer.Name, Phone = detail.Officer.Phone ?? "" },
            Night = detail.Night.ToProto(),
            Counts = detail.Counts.ToProto(),
        };
        reply.Villages.AddRange(detail.Villages.Select(village => village.ToProto()));
        reply.LiveAlarms.AddRange(detail.LiveAlarms.Select(alarm => alarm.ToProto()));
        reply.DevicesNeedingAttention.AddRange(detail.DevicesNeedingAttention.Select(device => device.ToProto()));
        reply.CoverageGaps.AddRange(detail.CoverageGaps.Select(coverage => coverage.ToProto()));
        return reply;
    }

    public override async Task<VillageHistory> GetVillageHistory(VillageHistoryRequest request, ServerCallContext context)
    {
        var villageKey = Authorize(context, RequestFields.VillageKey(request.VillageKey));
        var count = request.Nights == 0 ? 14 : RequestFields.InRange(request.Nights, 1, 124, "nights");
        var name = (await grains.GetGrain<IVillageRosterGrain>(villageKey).GetAsync()).Name;
        var history = await grains.GetGrain<IVillageGrain>(villageKey).GetHistoryAsync(count);
        var rate = OnTimeRate.Of(history.Select(night => night.Outcome));
        var reply = new VillageHistory { VillageKey = villageKey, OnTimeNights = rate.OnTimeNights, FinalNights = rate.Nights };
        reply.Nights.AddRange(history.Select(night => night.ToProto(name)));
        return reply;
    }

    public override async Task<DeviceList> ListDevicesNeedingAttention(DevicesNeedingAttentionRequest request, ServerCallContext context)
    {
        var key = Authorize(context, RequestFields.DistrictOrCommune(request.DistrictKey, request.CommuneKey));
        await grains.EnsureInRosterAsync(key);
        var devices = await _reports.DevicesNeedingAttentionAsync(key);
        var reply = new DeviceList();
        reply.Devices.AddRange(devices.Select(device => device.ToProto()));
        return reply;
    }

    public override async Task<CoverageGapList> ListCoverageGaps(CoverageGapsRequest request, ServerCallContext context)
    {
        var key = Authorize(context, RequestFields.DistrictOrCommune(request.DistrictKey, request.CommuneKey));
        await grains.EnsureInRosterAsync(key);
        var district = grains.GetGrain<IDistrictGrain>(GrainKeys.District(key));
        var night = await CurrentNight(district);
        var villages = (await _reports.CoverageGapsAsync(GrainKeys.District(key), night))
            .Where(village => GrainKeys.IsWithin(village.VillageKey, key)).ToList();
        var reply = new CoverageGapList { HouseholdsOutOfEarshot = villages.Sum(village => village.Gaps.Sum(gap => gap.Households)) };
        reply.Villages.AddRange(villages.Select(village => village.ToProto()));
        return reply;
    }

    public override async Task<StrikerAllowanceReport> GetStrikerAllowances(StrikerAllowancesRequest request, ServerCallContext context)
    {
        var key = Authorize(context, RequestFields.DistrictOrCommune(request.DistrictKey, request.CommuneKey));
        var year = RequestFields.InRange(request.Year, 2000, 2100, "year");
        var month = RequestFields.InRange(request.Month, 1, 12, "month");
        await grains.EnsureInRosterAsync(key);
        var villages = (await _reports.StrikerAllowancesAsync(GrainKeys.District(key), year, month))
            .Where(village => GrainKeys.IsWithin(village.VillageKey, key)).ToList();
        var reply = new StrikerAllowanceReport { Year = year, Month = month, TotalVnd = villages.Sum(village => village.TotalVnd) };
        reply.Villages.AddRange(villages.Select(village => village.ToProto()));
        return reply;
    }

    public override async Task<QuarterlyReport> GetQuarterlyReport(QuarterlyReportRequest request, ServerCallContext context)
    {
        var communeKey = Authorize(context, RequestFields.CommuneKey(request.CommuneKey));
        var quarter = new Quarter(RequestFields.InRange(request.Year, 2000, 2100, "year"), RequestFields.InRange(request.Quarter, 1, 4, "quarter"));
        return (await _reports.QuarterlyCommuneReportAsync(communeKey, quarter)).ToProto();
    }

    private async Task<DateOnly> CurrentNight(IDistrictGrain district) =>
        NightCalendar.Current(clock.GetUtcNow(), (await district.GetSetupAsync()).Settings);

    private static string Authorize(ServerCallContext context, string key) =>
        TokenAuthentication.AuthorizePolice(context, nameof(DistrictService), key);
}
