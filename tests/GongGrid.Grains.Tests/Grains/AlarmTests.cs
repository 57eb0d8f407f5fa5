using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;

namespace GongGrid.Grains.Tests.Grains;

public sealed class AlarmTests
{
    [Fact]
    public async Task Three_rapid_strikes_repeated_raise_an_alarm_that_reaches_the_district_at_once()
    {
        await using var grid = await GridHarness.StartAsync();
        var at = GridHarness.PeaceTime.AddMinutes(-50);

        await grid.StrikeAlarmAsync(TestDistrict.Thon2Gong, at, groups: 3);

        var alarm = Assert.Single(await grid.District.GetLiveAlarmsAsync());
        Assert.Equal((TestDistrict.Thon2, AlarmKind.Unknown, AlarmSource.GongPattern, AlarmStatus.Raised), (alarm.VillageKey, alarm.Kind, alarm.Source, alarm.Status));
        Assert.Equal(at, alarm.RaisedAt);
        var detail = await grid.Grains.GetGrain<ICommuneGrain>("test-huyen/xa-a").GetDetailAsync(GridHarness.Night);
        Assert.Equal(alarm.AlarmId, Assert.Single(detail.LiveAlarms).AlarmId);
    }

    [Fact]
    public async Task A_single_group_of_three_strikes_is_no_alarm()
    {
        await using var grid = await GridHarness.StartAsync();

        await grid.StrikeAlarmAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime.AddMinutes(-50), groups: 1);

        Assert.Empty(await grid.District.GetLiveAlarmsAsync());
    }

    [Fact]
    public async Task A_button_press_names_the_kind_of_an_alarm_the_gong_already_raised()
    {
        await using var grid = await GridHarness.StartAsync();
        var at = GridHarness.PeaceTime.AddMinutes(-50);
        await grid.StrikeAlarmAsync(TestDistrict.Thon1Gong, at);

        grid.AdvanceTo(at.AddMinutes(1));
        await grid.SendAsync(TestDistrict.Thon1Button, new AlarmButtonEvent(grid.NextEventId(), at.AddMinutes(1), grid.Sequence(), AlarmKind.Fire));

        var alarm = Assert.Single(await grid.District.GetLiveAlarmsAsync());
        Assert.Equal((AlarmKind.Fire, AlarmSource.GongPattern), (alarm.Kind, alarm.Source));
    }

    [Fact]
    public async Task An_alarm_is_acknowledged_then_resolved_with_a_note_and_leaves_the_live_list()
    {
        await using var grid = await GridHarness.StartAsync();
        grid.AdvanceTo(GridHarness.PeaceTime.AddMinutes(-30));
        await grid.SendAsync(TestDistrict.Thon1Button, new AlarmButtonEvent("press-1", grid.Clock.GetUtcNow(), 1, AlarmKind.Flood));
        var village = grid.Grains.GetGrain<IVillageGrain>(TestDistrict.Thon1);
        var raised = Assert.Single(await grid.District.GetLiveAlarmsAsync());

        var acknowledged = await village.AcknowledgeAlarmAsync(raised.AlarmId, "Công an viên Lê Văn Công");
        Assert.Equal(AlarmStatus.Acknowledged, Assert.Single(await grid.District.GetLiveAlarmsAsync()).Status);
        var resolved = await village.ResolveAlarmAsync(raised.AlarmId, "Công an viên Lê Văn Công", "Nước rút, không có thiệt hại");

        Assert.Equal("Công an viên Lê Văn Công", acknowledged.AcknowledgedBy);
        Assert.Equal(("Nước rút, không có thiệt hại", AlarmStatus.Resolved), (resolved.ResolutionNote, resolved.Status));
        Assert.Empty(await grid.District.GetLiveAlarmsAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => village.ResolveAlarmAsync(raised.AlarmId, "x", "again"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => village.AcknowledgeAlarmAsync("test-huyen/xa-a/thon-1#99", "x"));
    }

    [Fact]
    public async Task An_alarm_struck_during_the_peace_round_does_not_count_as_peace_strikes()
    {
        await using var grid = await GridHarness.StartAsync();

        await grid.StrikeAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime, 9);
        await grid.StrikeAlarmAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime.AddMinutes(2));
        await grid.CloseNightAsync();

        var night = await grid.Grains.GetGrain<IVillageGrain>(TestDistrict.Thon2).GetNightAsync(GridHarness.Night);
        Assert.Equal((NightOutcomeKind.OnTime, 9), (night.Outcome.Kind, night.Outcome.StrikeCount));
        Assert.Single(await grid.District.GetLiveAlarmsAsync());
    }
}
