using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>Edge bridges pushing device events: what each event's acknowledgement says, and what the grid then knows.</summary>
public sealed class IngestServiceTests(IngestServiceTests.Fixture fixture) : IClassFixture<IngestServiceTests.Fixture>
{
    private const string MinhSon = "ngoc-lac/minh-son";
    private const string Bridge = "bridge-ngoc-lien";
    private const string MinhSonBridge = "bridge-minh-son";
    private const string Gong = NgocLien + "/phu-thuong/gong-1";
    private const string Button = NgocLien + "/phu-thuong/alarm-button-1";

    private readonly ApiSilo _silo = fixture.Silo;
    private readonly DistrictService.DistrictServiceClient _district = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        protected override (string Name, string[] Villages)[] Bridges => [(Bridge, VillagesOf(NgocLien)), (MinhSonBridge, VillagesOf(MinhSon))];
    }

    [Fact]
    public async Task Each_event_is_acknowledged_applied_by_its_device_and_event_id()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();
        DeviceEvent[] events = [DeviceEvents.Heartbeat(Gong, now, batteryPercent: 80), DeviceEvents.Strike(NgocLien + "/chieng-khat/gong-1", now), DeviceEvents.Heartbeat(Button, now)];

        var acks = await bridge.SendAsync(events);

        Assert.Equal(events.Select(sent => (sent.DeviceKey, sent.EventId)), acks.Acks.Select(ack => (ack.DeviceKey, ack.EventId)));
        Assert.All(acks.Acks, ack => Assert.Equal((Disposition.Applied, false, ""), (ack.Disposition, ack.ClockSkewed, ack.Reason)));
    }

    [Fact]
    public async Task A_batch_sent_again_after_a_reconnect_comes_back_duplicate()
    {
        var now = Later();
        DeviceEvent[] events = [.. DeviceEvents.Round(NgocLien + "/hong-phong/gong-1", now.AddSeconds(-20), strikes: 3), DeviceEvents.Button(NgocLien + "/hong-phong/alarm-button-1", now, AlarmKind.Other)];

        IList<EventAck> first, again;
        await using (var bridge = await _silo.ConnectBridgeAsync(Bridge))
        {
            first = (await bridge.SendAsync(events)).Acks;
        }

        await using (var reconnected = await _silo.ConnectBridgeAsync(Bridge))
        {
            again = (await reconnected.SendAsync(events)).Acks;
        }

        Assert.All(first, ack => Assert.Equal(Disposition.Applied, ack.Disposition));
        Assert.All(again, ack => Assert.Equal(Disposition.Duplicate, ack.Disposition));
        Assert.Equal(events.Select(sent => sent.EventId), again.Select(ack => ack.EventId));
    }

    [Fact]
    public async Task Events_that_can_never_apply_are_rejected_each_with_its_reason_while_the_rest_of_the_batch_applies()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();
        var noId = DeviceEvents.Heartbeat(Gong, now);
        noId.EventId = "";
        var noTime = DeviceEvents.Heartbeat(Gong, now);
        noTime.DeviceTime = null;
        var buttonWithoutKind = DeviceEvents.Button(Button, now, AlarmKind.Unspecified);
        var good = DeviceEvents.Heartbeat(Gong, now, batteryPercent: 90);
        var alsoGood = DeviceEvents.Strike(Gong, now);
        (DeviceEvent Event, string Reason)[] refused =
        [
            (DeviceEvents.Heartbeat(NgocLien + "/phu-thuong/gong-9", now), "is not in the roster"),
            (noId, "event_id is missing"),
            (noTime, "device_time is missing"),
            (DeviceEvents.Heartbeat(Gong, now, batteryPercent: 150), "battery_percent 150 is outside 0 to 100"),
            (buttonWithoutKind, "alarm_button.kind must name the alarm"),
            (DeviceEvents.Bare(Gong, now), "the event has no kind"),
            (DeviceEvents.Strike(Button, now), "cannot send strikes"),
            (DeviceEvents.Playback(Gong, now, PlaybackProgram.Unspecified), "playback.program must be peace or alarm"),
            (DeviceEvents.Heartbeat("ngoc-lac/ngoc-lien/phu-thuong", now), "is not a device key"),
        ];

        var acks = (await bridge.SendAsync([good, .. refused.Select(item => item.Event), alsoGood])).Acks;

        Assert.Equal(Disposition.Applied, acks[0].Disposition);
        Assert.Equal(Disposition.Applied, acks[^1].Disposition);
        for (var index = 0; index < refused.Length; index++)
        {
            var ack = acks[index + 1];
            Assert.True(ack.Disposition == Disposition.Rejected, $"{refused[index].Reason}: {ack}");
            Assert.Contains(refused[index].Reason, ack.Reason);
        }
    }

    [Fact]
    public async Task An_event_for_a_village_outside_the_bridges_token_ends_the_stream_permission_denied_and_applies_nothing()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();

        var error = await Expect.Status(StatusCode.PermissionDenied,
            () => bridge.SendAsync(DeviceEvents.Heartbeat(NgocLien + "/khe-ngang/gong-1", now, batteryPercent: 5), DeviceEvents.Heartbeat(LamSon + "/hon-can/gong-1", now, batteryPercent: 5)));

        Assert.Contains(LamSon + "/hon-can", error.Status.Detail);
        var devices = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key }, As(DistrictToken));
        Assert.DoesNotContain(devices.Devices, device => device.HasBatteryPercent && device.BatteryPercent == 5);
    }

    [Theory]
    [InlineData("district-token")]
    [InlineData("commune-token")]
    [InlineData("admin-token")]
    public async Task Only_a_bridge_token_may_open_an_ingest_stream(string token)
    {
        await using var notBridge = BridgeConnection.Open(_silo.Channel, token);

        var error = await Expect.Status(StatusCode.PermissionDenied, () => notBridge.SendAsync(DeviceEvents.Heartbeat(Gong, _silo.Clock.GetUtcNow())));

        Assert.Contains("may not call IngestService", error.Status.Detail);
    }

    [Fact]
    public async Task Applied_events_are_in_the_grid_as_soon_as_they_are_acknowledged()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(MinhSonBridge);
        var start = PeaceTime > _silo.Clock.GetUtcNow() ? PeaceTime : _silo.Clock.GetUtcNow();
        var round = DeviceEvents.Round(MinhSon + "/ban-1/gong-1", start.AddSeconds(15));
        _silo.AdvanceTo(start.AddSeconds(50));

        await bridge.SendAsync(round);
        await bridge.SendAsync(DeviceEvents.Heartbeat(MinhSon + "/ban-2/gong-1", start.AddSeconds(50), batteryPercent: 12));

        var detail = await _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = MinhSon }, As(DistrictToken));
        var summary = await _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken));
        var devices = await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = MinhSon }, As(DistrictToken));
        var ban1 = detail.Villages.Single(village => village.VillageKey == MinhSon + "/ban-1").Outcome;
        Assert.Equal((OutcomeKind.OnTime, 9, false), (ban1.Kind, ban1.StrikeCount, ban1.IsFinal));
        Assert.Equal(start.AddSeconds(15), ban1.RoundStartedAt.ToDateTimeOffset());
        Assert.Equal((1, detail.Villages.Count - 1), (detail.Counts.OnTime, detail.Counts.Pending));
        Assert.Equal(1, summary.Communes.Single(commune => commune.CommuneKey == MinhSon).Counts.OnTime);
        var lowBattery = devices.Devices.Single(device => device.DeviceKey == MinhSon + "/ban-2/gong-1");
        Assert.Equal((12, true), (lowBattery.BatteryPercent, lowBattery.NeedsAttention));
    }

    [Fact]
    public async Task A_device_clock_far_off_is_flagged_and_an_event_buffered_past_48_hours_expires()
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();
        var stale = DeviceEvents.Strike(NgocLien + "/tan-lap/gong-1", now.AddDays(-3));
        stale.ReceivedAt = Timestamp.FromDateTimeOffset(now.AddDays(-3));

        var acks = (await bridge.SendAsync(DeviceEvents.Heartbeat(NgocLien + "/tan-lap/gong-2", now.AddHours(-1)), stale)).Acks;

        Assert.Equal((Disposition.Applied, true), (acks[0].Disposition, acks[0].ClockSkewed));
        Assert.Equal(Disposition.Expired, acks[1].Disposition);
    }

    /// <summary>
    /// Issue 14, item 7: a Timestamp outside protobuf's range (years 1 to 9999) ended the whole stream
    /// FAILED_PRECONDITION with the library's words; now that event alone is rejected, naming the field.
    /// </summary>
    [Theory]
    [InlineData("device_time")]
    [InlineData("received_at")]
    public async Task An_event_with_a_time_outside_the_years_1_to_9999_is_rejected_naming_the_field_and_the_stream_goes_on(string field)
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();
        var bad = DeviceEvents.Heartbeat(Gong, now);
        var outOfRange = new Timestamp { Seconds = 253_402_300_800, Nanos = 0 };
        if (field == "device_time")
        {
            bad.DeviceTime = outOfRange;
        }
        else
        {
            bad.ReceivedAt = outOfRange;
        }

        var acks = (await bridge.SendAsync(DeviceEvents.Heartbeat(Gong, now), bad, DeviceEvents.Heartbeat(Gong, now))).Acks;
        var next = Assert.Single((await bridge.SendAsync(DeviceEvents.Heartbeat(Gong, now))).Acks);

        Assert.Equal([Disposition.Applied, Disposition.Rejected, Disposition.Applied], acks.Select(ack => ack.Disposition));
        Assert.Equal($"{field} is not a time in the years 1 to 9999 (seconds 253402300800, nanos 0)", acks[1].Reason);
        Assert.Equal(Disposition.Applied, next.Disposition);
    }

    /// <summary>
    /// Issue 14, items 7 and 8: a batch's sent_at outside the range, or at the end of it (the bridge's clock absurdly
    /// far ahead), ended the stream with the library's words. The grid then cannot correct received_at by it, and
    /// uses its own receive time: the events apply.
    /// </summary>
    [Theory]
    [InlineData(253_402_300_799L, 0)]
    [InlineData(253_402_300_800L, 0)]
    [InlineData(0L, -1)]
    public async Task A_batch_whose_sent_at_is_absurd_or_out_of_range_still_applies_its_events(long seconds, int nanos)
    {
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var now = Later();
        var heartbeat = DeviceEvents.Heartbeat(Gong, now);
        heartbeat.ReceivedAt = Timestamp.FromDateTimeOffset(now);

        var ack = Assert.Single((await bridge.SendAsync(new IngestRequest { Events = { heartbeat }, SentAt = new Timestamp { Seconds = seconds, Nanos = nanos } })).Acks);
        var next = Assert.Single((await bridge.SendAsync(DeviceEvents.Heartbeat(Gong, now))).Acks);

        Assert.Equal((Disposition.Applied, false), (ack.Disposition, ack.ClockSkewed));
        Assert.Equal(Disposition.Applied, next.Disposition);
    }

    /// <summary>
    /// Issue 14, item 12: a device in the list of devices needing a visit showed its health as of when it entered the
    /// list (battery 15 %, last seen then) however many heartbeats came after.
    /// </summary>
    [Fact]
    public async Task Devices_needing_a_visit_show_their_live_battery_and_last_seen_time()
    {
        const string gong = NgocLien + "/chieng-khat/gong-2";
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        var first = Later();
        await bridge.SendAsync(DeviceEvents.Heartbeat(gong, first, batteryPercent: 15));
        var second = Later().AddMinutes(2);
        _silo.AdvanceTo(second);
        await bridge.SendAsync(DeviceEvents.Heartbeat(gong, second, batteryPercent: 12), DeviceEvents.Heartbeat(gong, second.AddHours(-1)));

        var listed = (await _district.ListDevicesNeedingAttentionAsync(new DevicesNeedingAttentionRequest { DistrictKey = Key, CommuneKey = NgocLien }, As(DistrictToken)))
            .Devices.Single(device => device.DeviceKey == gong);
        var inDetail = (await _district.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = NgocLien }, As(DistrictToken)))
            .DevicesNeedingAttention.Single(device => device.DeviceKey == gong);

        foreach (var device in new[] { listed, inDetail })
        {
            Assert.Equal((12, second, 1L), (device.BatteryPercent, device.LastSeen.ToDateTimeOffset(), device.ClockSkewedEvents));
        }
    }

    /// <summary>A minute later than the last thing that happened.</summary>
    private DateTimeOffset Later()
    {
        var at = _silo.Clock.GetUtcNow().AddMinutes(1);
        _silo.AdvanceTo(at);
        return at;
    }
}
