using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;
using GongGrid.Silo.Hosting;
using GongGrid.Testing;

namespace GongGrid.Grains.Tests.Grains;

public sealed class RestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gonggrid-restart-").FullName;

    [Fact]
    public async Task Strikes_before_a_restart_and_the_night_close_reminder_after_it_give_the_final_outcome_on_the_same_sqlite_file()
    {
        var (path, clock) = await StrikeOnTimeAndLateThenStopAsync();

        await using (var grid = await GridHarness.StartAsync(silo => silo.UseGridSqlite(path), clock, importRoster: false))
        {
            Assert.Equal(0, await grid.Silo.ActivationCountAsync());
            await grid.CloseNightAsync();

            var summary = await grid.District.GetNightSummaryAsync(GridHarness.Night);
            Assert.Equal(new OutcomeCounts(OnTime: 1, Late: 1, Missed: 1, Final: 3), summary.Totals);
        }
    }

    [Fact]
    public async Task After_a_restart_the_district_counts_tonight_from_its_communes_before_any_new_event()
    {
        var (path, clock) = await StrikeOnTimeAndLateThenStopAsync();

        await using (var grid = await GridHarness.StartAsync(silo => silo.UseGridSqlite(path), clock, importRoster: false))
        {
            var summary = await grid.District.GetNightSummaryAsync(GridHarness.Night);

            Assert.Equal(new OutcomeCounts(OnTime: 1, Late: 1, Pending: 1), summary.Totals);
        }
    }

    [Fact]
    public async Task A_village_collected_while_idle_comes_back_with_its_strikes()
    {
        await using var grid = await GridHarness.StartAsync();
        await grid.StrikeAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime, 5);
        var activeAfterStrikes = await grid.Silo.ActivationCountAsync();

        // The village heard nothing for 40 minutes; Orleans's idle collector (on real time) is asked to run now.
        grid.AdvanceTo(GridHarness.PeaceTime.AddMinutes(40));
        await grid.Silo.CollectIdleAsync(TimeSpan.Zero);
        Assert.True(await grid.Silo.ActivationCountAsync() < activeAfterStrikes);
        var village = grid.Grains.GetGrain<IVillageGrain>(TestDistrict.Thon2);
        Assert.Equal(5, (await village.GetNightAsync(GridHarness.Night)).Outcome.StrikeCount);

        // The rest of the round, buffered by the bridge during an outage: received on time, delivered late.
        for (var strike = 5; strike < 9; strike++)
        {
            var at = GridHarness.PeaceTime.AddSeconds(4 * strike);
            await grid.SendAsync(TestDistrict.Thon2Gong, new StrikeEvent(grid.NextEventId(), at, grid.Sequence()) { ReceivedAt = at });
        }

        var night = await village.GetNightAsync(GridHarness.Night);
        Assert.Equal((NightOutcomeKind.OnTime, 9), (night.Outcome.Kind, night.Outcome.StrikeCount));
    }

    /// <summary>A silo on a fresh SQLite file hears Thon 1 strike on time and Thon 2 late, then stops.</summary>
    private async Task<(string Path, ManualTimeProvider Clock)> StrikeOnTimeAndLateThenStopAsync()
    {
        var path = Path.Combine(_directory, "grid.db");
        var clock = new ManualTimeProvider(GridHarness.PeaceTime.AddHours(-1));
        await using var grid = await GridHarness.StartAsync(silo => silo.UseGridSqlite(path), clock, importRoster: true);
        await grid.StrikeAsync(TestDistrict.Thon1Gong, GridHarness.PeaceTime, 9);
        await grid.StrikeAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime.AddMinutes(20), 9);
        return (path, clock);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
