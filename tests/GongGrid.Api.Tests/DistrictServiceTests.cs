using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.PlayedNightFixture;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>What district police read after the night of 22 Nov 2026 closed (see <see cref="PlayedNightFixture"/>).</summary>
public sealed class DistrictServiceTests(PlayedNightFixture night) : IClassFixture<PlayedNightFixture>
{
    private readonly DistrictService.DistrictServiceClient _client = new(night.Silo.Channel);

    [Fact]
    public async Task The_night_summary_counts_every_village_by_outcome_and_is_final_after_23_00()
    {
        var summary = await _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = ApiSilo.Night }, As(DistrictToken));

        Assert.Equal((Key, "Ngọc Lặc", ApiSilo.Night, true), (summary.DistrictKey, summary.Name, summary.Night, summary.IsFinal));
        var others = VillageCount - OnTime.Length - 7 - 3;
        Assert.Equal(
            new OutcomeCounts { Villages = VillageCount, OnTime = 4, SpeakerPlayback = 7, Early = 1, Late = 1, Incomplete = 1, Missed = others },
            summary.Totals);
        Assert.Equal(20, summary.Communes.Count);
        Assert.Equal(
            new OutcomeCounts { Villages = 14, OnTime = 3, Early = 1, Late = 1, Incomplete = 1, Missed = 8 },
            Commune(summary, NgocLien).Counts);
        Assert.Equal(new OutcomeCounts { Villages = 7, SpeakerPlayback = 7 }, Commune(summary, CaoThinh).Counts);
    }

    [Fact]
    public async Task Not_on_time_lists_exactly_the_villages_that_neither_struck_on_time_nor_played_the_speaker()
    {
        var summary = await _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = ApiSilo.Night }, As(DistrictToken));

        var ngocLien = Commune(summary, NgocLien).NotOnTime;
        Assert.Equal(VillagesOf(NgocLien).Except(OnTime).Order(), ngocLien.Select(village => village.VillageKey).Order());
        Assert.Equal(OutcomeKind.Early, ngocLien.Single(village => village.VillageKey == Early).Outcome.Kind);
        Assert.Equal(OutcomeKind.Late, ngocLien.Single(village => village.VillageKey == Late).Outcome.Kind);
        var incomplete = ngocLien.Single(village => village.VillageKey == Incomplete);
        Assert.Equal((OutcomeKind.Incomplete, 5, Village(Incomplete).Name), (incomplete.Outcome.Kind, incomplete.Outcome.StrikeCount, incomplete.Name));
        Assert.Equal(8, ngocLien.Count(village => village.Outcome.Kind == OutcomeKind.Missed));
        Assert.Empty(Commune(summary, CaoThinh).NotOnTime);
        Assert.DoesNotContain(Commune(summary, LamSon).NotOnTime, village => OnTime.Contains(village.VillageKey));
        Assert.Equal(VillageCount - 11, summary.Communes.Sum(commune => commune.NotOnTime.Count));
    }

    [Fact]
    public async Task An_empty_night_means_tonight()
    {
        var tonight = await _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));

        Assert.Equal((ApiSilo.Night, 4), (tonight.Night, tonight.Totals.OnTime));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("22/11/2026")]
    [InlineData("tonight")]
    public async Task A_night_that_is_not_a_date_is_an_invalid_argument_naming_the_field(string value)
    {
        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = value }, As(DistrictToken)));

        Assert.Contains("night", error.Status.Detail);
        Assert.Contains(value, error.Status.Detail);
    }

    [Fact]
    public async Task A_night_older_than_the_14_the_district_keeps_is_refused_with_a_pointer_to_history_not_shown_as_pending()
    {
        var summary = await Expect.Status(StatusCode.InvalidArgument,
            () => _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = "2026-11-01" }, As(DistrictToken)));
        var detail = await Expect.Status(StatusCode.InvalidArgument,
            () => _client.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien, Night = "2026-11-08" }, As(DistrictToken)));
        var oldest = await _client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key, Night = "2026-11-09" }, As(DistrictToken));

        Assert.Contains("14 nights", summary.Status.Detail);
        Assert.Contains("2026-11-01", summary.Status.Detail);
        Assert.Contains("GetVillageHistory", summary.Status.Detail);
        Assert.Contains("2026-11-08", detail.Status.Detail);
        Assert.Equal("2026-11-09", oldest.Night);
    }

    [Fact]
    public async Task A_commune_detail_names_the_officer_and_gives_every_villages_outcome_and_devices_to_visit()
    {
        var detail = await _client.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, As(DistrictToken));

        Assert.Equal((NgocLien, "Ngọc Liên", ApiSilo.Night), (detail.CommuneKey, detail.Name, detail.Night));
        Assert.Equal(SampleDistrict.Commune(NgocLien).Officer.Name, detail.Officer.Name);
        Assert.Equal(SampleDistrict.Commune(NgocLien).Officer.Phone, detail.Officer.Phone);
        Assert.Equal(14, detail.Villages.Count);
        Assert.Equal(3, detail.Counts.OnTime);
        var phuThuong = detail.Villages.Single(village => village.VillageKey == OnTime[0]);
        Assert.Equal((OutcomeKind.OnTime, 9, true), (phuThuong.Outcome.Kind, phuThuong.Outcome.StrikeCount, phuThuong.Outcome.IsFinal));
        Assert.Equal(PeaceTime.AddSeconds(10), phuThuong.Outcome.RoundStartedAt.ToDateTimeOffset());
        Assert.Equal(DeviceCondition.Damaged, detail.DevicesNeedingAttention.Single(device => device.DeviceKey == "ngoc-lac/ngoc-lien/tan-lap/alarm-button-1").Condition);
        Assert.Equal(DeviceCondition.Lost, detail.DevicesNeedingAttention.Single(device => device.DeviceKey == "ngoc-lac/ngoc-lien/minh-tien/gong-1").Condition);
        Assert.All(detail.DevicesNeedingAttention, device => Assert.StartsWith(NgocLien + "/", device.DeviceKey));
        Assert.All(detail.CoverageGaps, village => Assert.StartsWith(NgocLien + "/", village.VillageKey));
    }

    [Fact]
    public async Task A_commune_not_in_the_roster_of_the_callers_district_is_not_found()
    {
        var error = await Expect.Status(StatusCode.NotFound,
            () => _client.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = "ngoc-lac/khong-co" }, As(DistrictToken)));
        await Expect.Status(StatusCode.NotFound,
            () => _client.GetQuarterlyReportAsync(new QuarterlyReportRequest { CommuneKey = "ngoc-lac/khong-co", Year = 2026, Quarter = 4 }, As(DistrictToken)));

        Assert.Contains("ngoc-lac/khong-co", error.Status.Detail);
    }

    [Fact]
    public async Task A_list_narrowed_to_a_commune_not_in_the_roster_is_not_found_rather_than_empty()
    {
        const string typo = "ngoc-lac/ngoc-lieen";
        var options = As(DistrictToken);

        var errors = new[]
        {
            await Expect.Status(StatusCode.NotFound, () => _client.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = typo }, options)),
            await Expect.Status(StatusCode.NotFound, () => _client.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key, CommuneKey = typo }, options)),
            await Expect.Status(StatusCode.NotFound, () => _client.GetStrikerAllowancesAsync(new StrikerAllowancesRequest { DistrictKey = Key, CommuneKey = typo, Year = 2026, Month = 11 }, options)),
        };

        Assert.All(errors, error => Assert.Contains(typo, error.Status.Detail));
    }

    [Fact]
    public async Task Village_history_gives_the_night_with_its_striker_newest_first()
    {
        var history = await _client.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = OnTime[0], Nights = 1 }, As(DistrictToken));
        var byDefault = await _client.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = Incomplete }, As(DistrictToken));

        var night = Assert.Single(history.Nights);
        Assert.Equal((OnTime[0], Village(OnTime[0]).Name, StrikerOf(OnTime[0])), (night.VillageKey, night.Name, night.StrikerId));
        Assert.Equal((ApiSilo.Night, OutcomeKind.OnTime, true), (night.Outcome.Night, night.Outcome.Kind, night.Outcome.IsFinal));
        Assert.Equal((1, 1), (history.OnTimeNights, history.FinalNights));
        Assert.Equal(OutcomeKind.Incomplete, byDefault.Nights[0].Outcome.Kind);
        Assert.InRange(byDefault.Nights.Count, 1, 14);
        Assert.Equal(0, byDefault.OnTimeNights);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(125)]
    public async Task Village_history_of_more_than_124_nights_or_a_negative_count_is_an_invalid_argument(int nights)
    {
        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _client.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = OnTime[0], Nights = nights }, As(DistrictToken)));

        Assert.Contains("nights", error.Status.Detail);
        Assert.Contains("124", error.Status.Detail);
    }

    [Fact]
    public async Task Village_history_of_124_nights_is_allowed_and_of_a_village_not_in_the_roster_not_found()
    {
        var longest = await _client.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = OnTime[0], Nights = 124 }, As(DistrictToken));
        var error = await Expect.Status(StatusCode.NotFound,
            () => _client.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = NgocLien + "/khong-co" }, As(DistrictToken)));

        Assert.NotEmpty(longest.Nights);
        Assert.Contains(NgocLien + "/khong-co", error.Status.Detail);
    }

    [Fact]
    public async Task Devices_needing_attention_for_a_commune_are_the_districts_list_narrowed_to_that_commune()
    {
        var district = await _client.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key }, As(DistrictToken));
        var commune = await _client.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = LamSon }, As(DistrictToken));

        var damaged = district.Devices.Single(device => device.DeviceKey == "ngoc-lac/lam-son/trung-tam/gong-2");
        Assert.Equal((DeviceCondition.Damaged, true), (damaged.Condition, damaged.NeedsAttention));
        Assert.Contains(district.Devices, device => device.DeviceKey.StartsWith("ngoc-lac/ngoc-lien/", StringComparison.Ordinal));
        Assert.Equal(
            district.Devices.Where(device => device.DeviceKey.StartsWith(LamSon + "/", StringComparison.Ordinal)).Select(device => device.DeviceKey).Order(),
            commune.Devices.Select(device => device.DeviceKey).Order());
        Assert.Contains(commune.Devices, device => device.DeviceKey == "ngoc-lac/lam-son/thuong-son/gong-1" && device.Condition == DeviceCondition.Lost);
    }

    [Fact]
    public async Task A_commune_outside_the_district_named_is_an_invalid_argument_on_every_list()
    {
        var options = As(DistrictToken);
        var errors = new[]
        {
            await Expect.Status(StatusCode.InvalidArgument, () => _client.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = "lang-chanh/yen-khuong" }, options)),
            await Expect.Status(StatusCode.InvalidArgument, () => _client.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key, CommuneKey = "lang-chanh/yen-khuong" }, options)),
            await Expect.Status(StatusCode.InvalidArgument, () => _client.GetStrikerAllowancesAsync(new StrikerAllowancesRequest { DistrictKey = Key, CommuneKey = "lang-chanh/yen-khuong", Year = 2026, Month = 11 }, options)),
        };

        Assert.All(errors, error => Assert.Contains("commune_key 'lang-chanh/yen-khuong' is not in district 'ngoc-lac'", error.Status.Detail));
    }

    [Fact]
    public async Task Coverage_gaps_add_up_households_out_of_earshot_and_narrow_to_a_commune()
    {
        var district = await _client.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key }, As(DistrictToken));
        var commune = await _client.ListCoverageGapsAsync(new CoverageGapsRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(DistrictToken));

        Assert.NotEmpty(district.Villages);
        Assert.Equal(district.Villages.Sum(village => village.Gaps.Sum(gap => gap.Households)), district.HouseholdsOutOfEarshot);
        var expected = district.Villages.Where(village => village.VillageKey.StartsWith(NgocLien + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(village => village.VillageKey), commune.Villages.Select(village => village.VillageKey));
        Assert.Equal(expected.Sum(village => village.Gaps.Sum(gap => gap.Households)), commune.HouseholdsOutOfEarshot);
        Assert.All(district.Villages.SelectMany(village => village.Gaps), gap => Assert.True(gap.Households > 0 && gap.ClusterName.Length > 0));
    }

    [Fact]
    public async Task Striker_allowances_pay_each_complete_round_at_the_strikers_nightly_rate()
    {
        var report = await _client.GetStrikerAllowancesAsync(
            new StrikerAllowancesRequest { DistrictKey = Key, CommuneKey = NgocLien, Year = 2026, Month = 11 }, As(DistrictToken));

        Assert.Equal((2026, 11, 14), (report.Year, report.Month, report.Villages.Count));
        var paid = Paid.Where(village => village.StartsWith(NgocLien + "/", StringComparison.Ordinal)).ToList();
        var expected = paid.Sum(village => Village(village).Strikers[0].NightlyAllowanceVnd);
        Assert.Equal(expected, report.TotalVnd);
        var phuThuong = report.Villages.Single(village => village.VillageKey == OnTime[0]);
        var striker = phuThuong.Strikers.Single(striker => striker.StrikerId == StrikerOf(OnTime[0]));
        Assert.Equal((1, striker.NightlyRateVnd), (striker.NightsStruck, striker.AmountVnd));
        Assert.Equal(0, report.Villages.Single(village => village.VillageKey == Incomplete).TotalVnd);
        var october = await _client.GetStrikerAllowancesAsync(new StrikerAllowancesRequest { DistrictKey = Key, Year = 2026, Month = 10 }, As(DistrictToken));
        Assert.Equal(0, october.TotalVnd);
    }

    [Theory]
    [InlineData(13, 2026, "month")]
    [InlineData(0, 2026, "month")]
    [InlineData(11, 1999, "year")]
    public async Task Striker_allowances_for_a_month_or_year_out_of_range_are_an_invalid_argument(int month, int year, string field)
    {
        var error = await Expect.Status(StatusCode.InvalidArgument, () => _client.GetStrikerAllowancesAsync(
            new StrikerAllowancesRequest { DistrictKey = Key, Year = year, Month = month }, As(DistrictToken)));

        Assert.StartsWith(field, error.Status.Detail);
    }

    [Fact]
    public async Task The_quarterly_report_gives_the_communes_on_time_rate_village_by_village()
    {
        var report = await _client.GetQuarterlyReportAsync(new QuarterlyReportRequest { CommuneKey = NgocLien, Year = 2026, Quarter = 4 }, As(DistrictToken));

        Assert.Equal((NgocLien, "Ngọc Liên", 2026, 4), (report.CommuneKey, report.Name, report.Year, report.Quarter));
        Assert.Equal((3, 14), (report.OnTimeNights, report.FinalNights));
        var phuThuong = report.Villages.Single(village => village.VillageKey == OnTime[0]);
        Assert.Equal((1, 1), (phuThuong.OnTimeNights, phuThuong.FinalNights));
        Assert.Equal(1, report.Villages.Single(village => village.VillageKey == Late).Nights.Late);
        Assert.Equal(Village(OnTime[0]).Devices.Count, phuThuong.Devices.Count);
        await Expect.Status(StatusCode.InvalidArgument,
            () => _client.GetQuarterlyReportAsync(new QuarterlyReportRequest { CommuneKey = NgocLien, Year = 2026, Quarter = 5 }, As(DistrictToken)));
    }

    private static CommuneNight Commune(NightSummary summary, string communeKey) => summary.Communes.Single(commune => commune.CommuneKey == communeKey);
}
