using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;
using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Testing;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>
/// A strike travels village (write), commune (write), district (write) before its ack. A kill between the writes
/// leaves the village ahead of the commune, or the commune ahead of the district; the device resends the strike it
/// got no ack for, and that must bring both up to date (found by killing the silo process in GongGrid.Silo.Tests).
/// </summary>
public sealed class CrashBetweenWritesTests
{
    [Theory]
    [InlineData("commune")]
    [InlineData("district")]
    public async Task A_strike_resent_after_a_kill_between_writes_brings_the_commune_and_district_up_to_date(string unwritten)
    {
        var storage = new StorageThatStopsWriting(new InMemoryGrainStorage());
        var reminders = new InMemoryReminderTable();
        var clock = new ManualTimeProvider(GridHarness.PeaceTime.AddHours(-1));
        var ninth = new StrikeEvent("ninth", GridHarness.PeaceTime.AddSeconds(32), 9);
        await using (var grid = await GridHarness.StartAsync(storage, reminders, clock, importRoster: true))
        {
            await grid.StrikeAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime, 8);
            storage.StopWritingFor(unwritten);
            await Assert.ThrowsAsync<IOException>(() => grid.SendAsync(TestDistrict.Thon2Gong, ninth));
        }
        storage.StopWritingFor(null);

        await using (var grid = await GridHarness.StartAsync(storage, reminders, clock, importRoster: false))
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
        var storage = new StorageThatStopsWriting(new InMemoryGrainStorage());
        var reminders = new InMemoryReminderTable();
        var clock = new ManualTimeProvider(GridHarness.PeaceTime.AddHours(-1));
        var press = new AlarmButtonEvent("press-1", clock.GetUtcNow(), 1, AlarmKind.Fire);
        await using (var grid = await GridHarness.StartAsync(storage, reminders, clock, importRoster: true))
        {
            storage.StopWritingFor(unwrittenGrain, unwrittenState);
            await Assert.ThrowsAsync<IOException>(() => grid.SendAsync(TestDistrict.Thon1Button, press));
        }
        storage.StopWritingFor(null);

        await using (var grid = await GridHarness.StartAsync(storage, reminders, clock, importRoster: false))
        {
            Assert.Empty(await grid.District.GetLiveAlarmsAsync());

            var resent = await grid.SendAsync(TestDistrict.Thon1Button, press);

            Assert.Equal(unwrittenGrain == "commune" ? EventDisposition.Duplicate : EventDisposition.Applied, resent.Disposition);
            Assert.Equal(AlarmKind.Fire, Assert.Single(await grid.District.GetLiveAlarmsAsync()).Kind);
        }
    }
}
