using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Reports;
using GongGrid.Grains.Tests.Support;

namespace GongGrid.Grains.Tests.Grains;

public sealed class ReportTests
{
    [Fact]
    public async Task Village_history_lists_final_nights_newest_first()
    {
        await using var grid = await ThreeNightsAsync();

        var history = await grid.Grains.GetGrain<IVillageGrain>(TestDistrict.Thon1).GetHistoryAsync(10);

        Assert.Equal(
            [(GridHarness.Night.AddDays(2), NightOutcomeKind.Missed), (GridHarness.Night.AddDays(1), NightOutcomeKind.Late), (GridHarness.Night, NightOutcomeKind.OnTime)],
            history.Select(night => (night.Outcome.Night, night.Outcome.Kind)));
        Assert.All(history, night => Assert.True(night.Outcome.IsFinal));
    }

    [Fact]
    public async Task Strikers_are_paid_for_nights_a_complete_round_was_struck()
    {
        await using var grid = await ThreeNightsAsync();

        var allowances = await new DistrictReports(grid.Grains).StrikerAllowancesAsync(TestDistrict.Key, 2026, 11);

        var thon1 = allowances.Single(village => village.VillageKey == TestDistrict.Thon1);
        Assert.Equal(2, thon1.Strikers.Sum(striker => striker.NightsStruck));
        Assert.Equal(60_000, thon1.TotalVnd);
        Assert.Equal(["ong-ba", "ong-tu"], thon1.Strikers.Select(striker => striker.StrikerId).Order());
        Assert.Equal(0, allowances.Single(village => village.VillageKey == TestDistrict.Thon2).TotalVnd);
    }

    [Fact]
    public async Task The_quarterly_commune_report_gives_each_villages_on_time_rate_and_alarms()
    {
        await using var grid = await ThreeNightsAsync();

        var report = await new DistrictReports(grid.Grains).QuarterlyCommuneReportAsync("test-huyen/xa-a", Quarter.Of(GridHarness.Night));

        var thon1 = report.Villages.Single(village => village.VillageKey == TestDistrict.Thon1);
        Assert.Equal(new OnTimeRate(1, 3), thon1.OnTime);
        Assert.Equal(new OutcomeCounts(OnTime: 1, Late: 1, Missed: 1), thon1.Nights);
        Assert.Equal(1, thon1.AlarmsByKind[AlarmKind.Crime]);
        Assert.Equal(new OnTimeRate(1, 6), report.OnTime);
        Assert.Equal(2, thon1.Devices.Count);
    }

    [Fact]
    public async Task Counts_for_nights_the_district_no_longer_keeps_are_refused_with_a_pointer_to_history()
    {
        await using var grid = await GridHarness.StartAsync();
        for (var night = 0; night < 15; night++)
        {
            await grid.CloseNightAsync(night);
        }

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grid.District.GetNightSummaryAsync(GridHarness.Night));

        Assert.Contains("last 14 nights", error.Message);
        Assert.Equal(3, (await grid.District.GetNightSummaryAsync(GridHarness.Night.AddDays(14))).Totals.Missed);
    }

    /// <summary>Thôn 1 strikes on time, then late, then not at all; one crime alarm on the first night.</summary>
    private static async Task<GridHarness> ThreeNightsAsync()
    {
        var grid = await GridHarness.StartAsync();
        await grid.StrikeAsync(TestDistrict.Thon1Gong, GridHarness.PeaceTime, 9);
        await grid.SendAsync(TestDistrict.Thon1Button, new AlarmButtonEvent(grid.NextEventId(), grid.Clock.GetUtcNow(), grid.Sequence(), AlarmKind.Crime));
        await grid.CloseNightAsync();
        await grid.StrikeAsync(TestDistrict.Thon1Gong, GridHarness.PeaceTime.AddDays(1).AddMinutes(12), 9);
        await grid.CloseNightAsync(1);
        await grid.CloseNightAsync(2);
        return grid;
    }
}
