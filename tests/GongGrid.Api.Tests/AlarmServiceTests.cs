using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using GongGrid.Testing;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>Alarms raised through an edge bridge, as police see and handle them; each test uses its own villages.</summary>
public sealed class AlarmServiceTests(AlarmServiceTests.Fixture fixture) : IClassFixture<AlarmServiceTests.Fixture>
{
    private const string MinhSon = "ngoc-lac/minh-son";
    private const string NguyetAn = "ngoc-lac/nguyet-an";
    private const string Bridge = "bridge-alarms";
    private const string CaoThinhBridge = "bridge-cao-thinh";
    private const string DistrictOfficer = "Đại úy Trần Văn Bình";

    /// <summary>Two Cao Thịnh villages the Cao Thịnh bridge does not serve.</summary>
    private static readonly string[] NoBridge = [CaoThinh + "/quyet-thang", CaoThinh + "/bai-da"];

    private readonly ApiSilo _silo = fixture.Silo;
    private readonly AlarmService.AlarmServiceClient _client = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        protected override (string Name, string[] Villages)[] Bridges =>
        [
            (Bridge, [.. new[] { NgocLien, LamSon, MinhSon, NguyetAn }.SelectMany(VillagesOf)]),
            (CaoThinhBridge, [.. VillagesOf(CaoThinh).Except(NoBridge)]),
        ];
    }

    [Fact]
    public async Task A_button_alarm_from_a_bridge_is_live_for_district_and_commune_police_of_that_commune_only()
    {
        var alarm = await PressAsync(NgocLien + "/phu-thuong", AlarmKind.Fire);

        var district = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, As(DistrictToken));
        var commune = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(CommuneToken));
        var lamSon = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = LamSon }, As(DistrictToken));

        var listed = Assert.Single(district.Alarms, live => live.AlarmId == alarm.AlarmId);
        Assert.Equal((NgocLien + "/phu-thuong", AlarmKind.Fire, AlarmSource.Button, AlarmStatus.Raised), (listed.VillageKey, listed.Kind, listed.Source, listed.Status));
        Assert.Equal(_silo.Clock.GetUtcNow(), listed.RaisedAt.ToDateTimeOffset());
        Assert.Contains(commune.Alarms, live => live.AlarmId == alarm.AlarmId);
        Assert.DoesNotContain(lamSon.Alarms, live => live.AlarmId == alarm.AlarmId);
    }

    [Fact]
    public async Task Three_rapid_blows_repeated_on_a_gong_raise_an_alarm_of_no_named_kind()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var start = Later();

        var strikes = DeviceEvents.AlarmStrikes(LamSon + "/da-bac/gong-1", start);
        _silo.AdvanceTo(start.AddSeconds(7));
        var acks = await bridge.SendAsync(strikes);

        Assert.All(acks.Acks, ack => Assert.Equal(Disposition.Applied, ack.Disposition));
        var alarms = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = LamSon }, As(DistrictToken));
        var alarm = Assert.Single(alarms.Alarms, live => live.VillageKey == LamSon + "/da-bac");
        Assert.Equal((AlarmSource.GongPattern, AlarmKind.Unspecified, AlarmStatus.Raised), (alarm.Source, alarm.Kind, alarm.Status));
        Assert.Equal(start, alarm.RaisedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_watch_gives_the_live_alarms_first_then_each_raise_acknowledgement_and_resolution()
    {
        var before = await PressAsync(MinhSon + "/ban-1", AlarmKind.Crime);
        var alsoBefore = await PressAsync(MinhSon + "/ban-6", AlarmKind.Flood);
        await using var watch = new AlarmWatch(_silo.Channel, new WatchAlarmsRequest { DistrictKey = Key, CommuneKey = MinhSon }, DistrictToken);
        await watch.NextAsync(_ => true);
        await watch.NextAsync(_ => true);

        var raised = await PressAsync(MinhSon + "/ban-2", AlarmKind.Violence);
        var raisedEvent = await watch.NextAsync(raised.AlarmId, AlarmStatus.Raised);
        await _client.AcknowledgeAlarmAsync(new AcknowledgeAlarmRequest { VillageKey = MinhSon + "/ban-1", AlarmId = before.AlarmId }, As(DistrictToken));
        var acknowledged = await watch.NextAsync(before.AlarmId, AlarmStatus.Acknowledged);
        await _client.ResolveAlarmAsync(new ResolveAlarmRequest { VillageKey = MinhSon + "/ban-1", AlarmId = before.AlarmId, Note = "Bắt được kẻ trộm trâu" }, As(DistrictToken));
        var resolved = await watch.NextAsync(before.AlarmId, AlarmStatus.Resolved);

        Assert.Equal([before.AlarmId, alsoBefore.AlarmId], watch.Seen.Take(2).Select(change => change.Alarm.AlarmId).Order());
        Assert.Equal([true, true], watch.Seen.Take(2).Select(change => change.Snapshot));
        Assert.All(watch.Seen.Skip(2), change => Assert.False(change.Snapshot));
        Assert.Equal((AlarmKind.Violence, MinhSon + "/ban-2"), (raisedEvent.Alarm.Kind, raisedEvent.Alarm.VillageKey));
        Assert.Equal(DistrictOfficer, acknowledged.Alarm.AcknowledgedBy);
        Assert.Equal(("Bắt được kẻ trộm trâu", DistrictOfficer), (resolved.Alarm.ResolutionNote, resolved.Alarm.AcknowledgedBy));
        Assert.NotNull(resolved.Alarm.ResolvedAt);
    }

    [Fact]
    public async Task Acknowledging_records_the_name_on_the_token_and_only_once()
    {
        var alarm = await PressAsync(NguyetAn + "/thon-1", AlarmKind.Disaster);

        var acknowledged = await _client.AcknowledgeAlarmAsync(new AcknowledgeAlarmRequest { VillageKey = NguyetAn + "/thon-1", AlarmId = alarm.AlarmId }, As(DistrictToken));
        var again = await Expect.Status(StatusCode.FailedPrecondition,
            () => _client.AcknowledgeAlarmAsync(new AcknowledgeAlarmRequest { VillageKey = NguyetAn + "/thon-1", AlarmId = alarm.AlarmId }, As(AdminToken)));

        Assert.Equal((AlarmStatus.Acknowledged, DistrictOfficer), (acknowledged.Status, acknowledged.AcknowledgedBy));
        Assert.Equal(_silo.Clock.GetUtcNow(), acknowledged.AcknowledgedAt.ToDateTimeOffset());
        var live = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = NguyetAn }, As(DistrictToken));
        Assert.Equal(AlarmStatus.Acknowledged, live.Alarms.Single(listed => listed.AlarmId == alarm.AlarmId).Status);
        Assert.Contains("already acknowledged", again.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Resolving_without_saying_what_happened_is_an_invalid_argument(string note)
    {
        var error = await Expect.Status(StatusCode.InvalidArgument, () => _client.ResolveAlarmAsync(
            new ResolveAlarmRequest { VillageKey = NguyetAn + "/thon-5", AlarmId = NguyetAn + "/thon-5#1", Note = note }, As(DistrictToken)));

        Assert.Contains("note is required", error.Status.Detail);
    }

    [Fact]
    public async Task A_resolved_alarm_leaves_the_live_list_and_can_be_neither_acknowledged_nor_resolved_again()
    {
        var alarm = await PressAsync(NguyetAn + "/thon-4", AlarmKind.Fire);
        var request = new ResolveAlarmRequest { VillageKey = NguyetAn + "/thon-4", AlarmId = alarm.AlarmId, Note = "Cháy rơm, đã dập" };

        var resolved = await _client.ResolveAlarmAsync(request, As(DistrictToken));
        var live = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, As(DistrictToken));
        var acknowledge = await Expect.Status(StatusCode.FailedPrecondition,
            () => _client.AcknowledgeAlarmAsync(new AcknowledgeAlarmRequest { VillageKey = NguyetAn + "/thon-4", AlarmId = alarm.AlarmId }, As(DistrictToken)));
        await Expect.Status(StatusCode.FailedPrecondition, () => _client.ResolveAlarmAsync(request, As(DistrictToken)));

        Assert.Equal((AlarmStatus.Resolved, "Cháy rơm, đã dập", DistrictOfficer), (resolved.Status, resolved.ResolutionNote, resolved.AcknowledgedBy));
        Assert.DoesNotContain(live.Alarms, listed => listed.AlarmId == alarm.AlarmId);
        Assert.Contains("already resolved", acknowledge.Status.Detail);
    }

    [Fact]
    public async Task An_alarm_id_the_village_never_raised_or_a_village_not_in_the_roster_is_not_found()
    {
        var unknownId = await Expect.Status(StatusCode.NotFound, () => _client.AcknowledgeAlarmAsync(
            new AcknowledgeAlarmRequest { VillageKey = NguyetAn + "/thon-6", AlarmId = NguyetAn + "/thon-6#99" }, As(DistrictToken)));
        await Expect.Status(StatusCode.NotFound, () => _client.ResolveAlarmAsync(
            new ResolveAlarmRequest { VillageKey = NguyetAn + "/thon-6", AlarmId = NguyetAn + "/thon-6#99", Note = "?" }, As(DistrictToken)));
        await Expect.Status(StatusCode.NotFound, () => _client.AcknowledgeAlarmAsync(
            new AcknowledgeAlarmRequest { VillageKey = NguyetAn + "/khong-co", AlarmId = NguyetAn + "/khong-co#1" }, As(DistrictToken)));

        Assert.Contains(NguyetAn + "/thon-6#99", unknownId.Status.Detail);
    }

    [Fact]
    public async Task A_commune_police_watcher_sees_its_communes_alarms_and_never_another_communes()
    {
        var before = await PressAsync(NgocLien + "/hong-phong", AlarmKind.Other);
        await using var watch = new AlarmWatch(_silo.Channel, new WatchAlarmsRequest { DistrictKey = Key, CommuneKey = NgocLien }, CommuneToken);
        await watch.NextAsync(change => change.Alarm.AlarmId == before.AlarmId);

        await PressAsync(LamSon + "/se-tay", AlarmKind.Fire);
        var own = await PressAsync(NgocLien + "/coc-ha", AlarmKind.Flood);
        var next = await watch.NextAsync(change => !change.Snapshot);

        Assert.Equal(own.AlarmId, next.Alarm.AlarmId);
        Assert.All(watch.Seen, change => Assert.StartsWith(NgocLien + "/", change.Alarm.VillageKey));
    }

    [Fact]
    public async Task Alarms_of_a_commune_or_district_not_in_the_roster_are_not_found_rather_than_none()
    {
        await using var watch = new AlarmWatch(_silo.Channel, new WatchAlarmsRequest { DistrictKey = Key, CommuneKey = "ngoc-lac/ngoc-lieen" }, DistrictToken);

        await Expect.Status(StatusCode.NotFound,
            () => _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key, CommuneKey = "ngoc-lac/ngoc-lieen" }, As(DistrictToken)));
        await Expect.Status(StatusCode.NotFound,
            () => _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = "lang-chanh" }, As(OtherDistrictToken)));
        await Expect.Status(StatusCode.NotFound, watch.FirstAsync);
    }

    [Fact]
    public async Task Commune_police_may_not_watch_the_whole_district()
    {
        await using var watch = new AlarmWatch(_silo.Channel, new WatchAlarmsRequest { DistrictKey = Key }, CommuneToken);

        await Expect.Status(StatusCode.PermissionDenied, watch.FirstAsync);
    }

    [Fact]
    public async Task Sounding_the_alarm_on_Cao_Thinhs_speakers_sends_a_command_down_each_connected_bridge()
    {
        var unserved = await _client.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Flood }, As(DistrictToken));
        await using var bridge = await _silo.ConnectBridgeAsync(CaoThinhBridge);

        var reply = await _client.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Flood }, As(DistrictToken));
        var commands = new List<DeviceCommand>();
        for (var index = 0; index < reply.CommandsSent; index++)
        {
            commands.Add(await bridge.NextCommandAsync());
        }

        Assert.Equal((7, 0, 7), (unserved.Speakers, unserved.CommandsSent, unserved.UnreachableVillages.Count));
        Assert.Equal((7, 5), (reply.Speakers, reply.CommandsSent));
        Assert.Equal(NoBridge.Order(), reply.UnreachableVillages.Order());
        Assert.Equal(
            VillagesOf(CaoThinh).Except(NoBridge).Select(village => village + "/speaker-1").Order(),
            commands.Select(command => command.DeviceKey).Order());
        Assert.All(commands, command => Assert.Equal((PlaybackProgram.Alarm, AlarmKind.Flood), (command.Play.Program, command.Play.AlarmKind)));
        Assert.Equal(5, commands.Select(command => command.CommandId).Distinct().Count(id => id.Length > 0));
    }

    /// <summary>Issue 14, item 10: alarm kind 99 was accepted and sent to the speakers.</summary>
    [Fact]
    public async Task Sounding_an_alarm_of_a_kind_that_does_not_exist_is_an_invalid_argument_and_sends_nothing()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(CaoThinhBridge);

        var error = await Expect.Status(StatusCode.InvalidArgument,
            () => _client.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = (AlarmKind)99 }, As(DistrictToken)));

        Assert.Equal("kind 99 is not an alarm kind; use fire, flood, crime, violence, disaster or other (or leave it unspecified)", error.Status.Detail);
        Assert.False(bridge.HasCommand);
    }

    [Fact]
    public async Task Once_a_bridge_disconnects_its_villages_are_unreachable_again()
    {
        var bridge = await _silo.ConnectBridgeAsync(CaoThinhBridge);
        var connected = await _client.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Fire }, As(DistrictToken));

        await bridge.DisposeAsync();
        var gone = await Eventually.Until(
            () => _client.SoundAlarmOnSpeakersAsync(new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Fire }, As(DistrictToken)).ResponseAsync,
            reply => reply.CommandsSent == 0);

        Assert.Equal(5, connected.CommandsSent);
        Assert.Equal((0, 7), (gone.CommandsSent, gone.UnreachableVillages.Count));
    }

    /// <summary>A minute later than the last thing that happened.</summary>
    private DateTimeOffset Later()
    {
        var at = _silo.Clock.GetUtcNow().AddMinutes(1);
        _silo.AdvanceTo(at);
        return at;
    }

    /// <summary>Presses the village's first alarm button now, through its bridge, and returns the alarm it raised.</summary>
    private async Task<Alarm> PressAsync(string villageKey, AlarmKind kind)
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var ack = Assert.Single((await bridge.SendAsync(DeviceEvents.Button(villageKey + "/alarm-button-1", Later(), kind))).Acks);
        Assert.Equal(Disposition.Applied, ack.Disposition);
        var live = await _client.ListLiveAlarmsAsync(new ListLiveAlarmsRequest { DistrictKey = Key }, As(DistrictToken));
        return live.Alarms.Single(alarm => alarm.VillageKey == villageKey && alarm.Status == AlarmStatus.Raised);
    }
}
