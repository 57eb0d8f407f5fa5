using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;
using GongGrid.Grains.Storage;
using GongGrid.Storage.Hosting;
using GongGrid.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using GongGrid.Testing;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>
/// A strike travels village (write), commune (write), district (counts kept in memory, rebuilt from the communes on
/// activation) before its ack. A kill between the writes leaves the village ahead of the commune; the device resends
/// the strike it got no ack for, and that must bring the commune and the district up to date (found by killing the
/// silo process in GongGrid.Silo.Tests).
/// </summary>
public sealed class CrashBetweenWritesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gonggrid-crash-").FullName;

    [Fact]
    public async Task A_strike_resent_after_a_kill_between_writes_brings_the_commune_and_district_up_to_date()
    {
        var storage = new StorageThatStopsWriting();
        var clock = new ManualTimeProvider(GridHarness.PeaceTime.AddHours(-1));
        var ninth = new StrikeEvent("ninth", GridHarness.PeaceTime.AddSeconds(32), 9);
        await using (var grid = await GridHarness.StartAsync(SqliteRefusing(storage), clock, importRoster: true))
        {
            await grid.StrikeAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime, 8);
            storage.StopWritingFor("commune");
            Assert.IsType<IOException>((await Assert.ThrowsAsync<OrleansException>(() => grid.SendAsync(TestDistrict.Thon2Gong, ninth))).InnerException);
        }
        storage.StopWritingFor(null);

        await using (var grid = await GridHarness.StartAsync(SqliteRefusing(storage), clock, importRoster: false))
        {
            var resent = await grid.SendAsync(TestDistrict.Thon2Gong, ninth);

            Assert.Equal(EventDisposition.Duplicate, resent.Disposition);
            var commune = await grid.Grains.GetGrain<ICommuneGrain>("test-huyen/xa-a").GetDetailAsync(GridHarness.Night);
            var thon2 = Assert.Single(commune.Villages, village => village.VillageKey == TestDistrict.Thon2).Outcome;
            Assert.Equal((NightOutcomeKind.OnTime, 9), (thon2.Kind, thon2.StrikeCount));
            Assert.Equal(1, (await grid.District.GetNightSummaryAsync(GridHarness.Night)).Totals.OnTime);
        }
    }

    [Theory]
    [InlineData("commune", null)]
    [InlineData("village", "profile")]
    [InlineData("village", "signals")]
    public async Task An_alarm_press_resent_after_a_kill_between_writes_reaches_the_district(string unwrittenGrain, string? unwrittenState)
    {
        var storage = new StorageThatStopsWriting();
        var clock = new ManualTimeProvider(GridHarness.PeaceTime.AddHours(-1));
        var press = new AlarmButtonEvent("press-1", clock.GetUtcNow(), 1, AlarmKind.Fire);
        await using (var grid = await GridHarness.StartAsync(SqliteRefusing(storage), clock, importRoster: true))
        {
            storage.StopWritingFor(unwrittenGrain, unwrittenState);
            Assert.IsType<IOException>((await Assert.ThrowsAsync<OrleansException>(() => grid.SendAsync(TestDistrict.Thon1Button, press))).InnerException);
        }
        storage.StopWritingFor(null);

        await using (var grid = await GridHarness.StartAsync(SqliteRefusing(storage), clock, importRoster: false))
        {
            Assert.Empty(await grid.District.GetLiveAlarmsAsync());

            var resent = await grid.SendAsync(TestDistrict.Thon1Button, press);

            Assert.Equal(unwrittenGrain == "commune" ? EventDisposition.Duplicate : EventDisposition.Applied, resent.Disposition);
            Assert.Equal(AlarmKind.Fire, Assert.Single(await grid.District.GetLiveAlarmsAsync()).Kind);
        }
    }

    /// <summary>A SQLite file that outlives each silo, behind the switch that refuses writes.</summary>
    private Action<ISiloBuilder> SqliteRefusing(StorageThatStopsWriting refusals) => silo =>
    {
        const string file = "file";
        silo.UseSqliteStore(file, new SqliteStoreOptions(Path.Combine(_directory, "grid.db")));
        silo.Services.AddGrainStorage(GridStore.Name, (services, _) => refusals.Wrap(services.GetRequiredKeyedService<IGrainStorage>(file)));
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
