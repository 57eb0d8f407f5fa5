using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using GongGrid.Testing;
using GongGrid.Testing.Network;
using Grpc.Core;
using Grpc.Net.Client;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>
/// The limits the silo sets on replies and HTTP/2 connections, on a silo that sends replies of 8 KiB at most, allows
/// 2 calls at once per connection, and pings a connection quiet for a second, dropping it after a second unanswered.
/// </summary>
public sealed class ConnectionLimitsTests(ConnectionLimitsTests.Fixture fixture) : IClassFixture<ConnectionLimitsTests.Fixture>
{
    private const string Bridge = "bridge-cao-thinh";
    private readonly ApiSilo _silo = fixture.Silo;
    private readonly DistrictService.DistrictServiceClient _district = new(fixture.Silo.Channel);
    private readonly AlarmService.AlarmServiceClient _alarms = new(fixture.Silo.Channel);

    public sealed class Fixture : SiloFixture
    {
        protected override string[] Settings =>
        [
            "--GongGrid:Api:MaxReplyBytes=8192",
            "--GongGrid:Api:MaxStreamsPerConnection=2",
            "--GongGrid:Api:KeepAlivePingDelay=00:00:01",
            "--GongGrid:Api:KeepAlivePingTimeout=00:00:01",
        ];

        protected override (string Name, string[] Villages)[] Bridges => [(Bridge, VillagesOf(CaoThinh))];
    }

    [Fact]
    public async Task A_reply_larger_than_the_limit_is_resource_exhausted_and_a_smaller_one_is_answered()
    {
        // Every one of the 250 villages is pending tonight, and the summary lists each: well over 8 KiB.
        var error = await Expect.Status(StatusCode.ResourceExhausted,
            () => _district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = Key }, As(DistrictToken)));
        var history = await _district.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = CaoThinh + "/ban-rich" }, As(DistrictToken));

        Assert.NotEmpty(error.Status.Detail);
        Assert.Equal(CaoThinh + "/ban-rich", history.VillageKey);
    }

    [Fact]
    public async Task A_connection_carries_two_calls_at_once_and_a_third_waits_for_one_to_end()
    {
        using var oneConnection = GrpcChannel.ForAddress(_silo.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
        });
        var alarms = new AlarmService.AlarmServiceClient(oneConnection);
        var district = new DistrictService.DistrictServiceClient(oneConnection);
        var request = new VillageHistoryRequest { VillageKey = CaoThinh + "/ban-rich" };
        using var first = alarms.WatchAlarms(new WatchAlarmsRequest { DistrictKey = Key }, new CallOptions(Bearer(DistrictToken)));
        using var second = alarms.WatchAlarms(new WatchAlarmsRequest { DistrictKey = Key }, new CallOptions(Bearer(DistrictToken)));
        await first.ResponseHeadersAsync;
        await second.ResponseHeadersAsync;

        await Expect.Status(StatusCode.DeadlineExceeded, () => district.GetVillageHistoryAsync(request, As(DistrictToken, TimeSpan.FromSeconds(1))));
        first.Dispose();
        var history = await district.GetVillageHistoryAsync(request, As(DistrictToken));

        Assert.Equal(request.VillageKey, history.VillageKey);
    }

    [Fact]
    public async Task An_idle_watch_outlives_many_keep_alive_pings_and_still_delivers_the_next_alarm()
    {
        await using var watch = new AlarmWatch(_silo.Channel, new WatchAlarmsRequest { DistrictKey = Key, CommuneKey = CaoThinh }, DistrictToken);
        await using var bridge = await _silo.ConnectBridgeAsync(Bridge);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var ack = Assert.Single((await bridge.SendAsync(DeviceEvents.Button(CaoThinh + "/tan-phong/alarm-button-1", _silo.Clock.GetUtcNow(), AlarmKind.Fire))).Acks);
        var raised = await watch.NextAsync(change => change.Alarm.VillageKey == CaoThinh + "/tan-phong");

        Assert.Equal(Disposition.Applied, ack.Disposition);
        Assert.Equal(AlarmStatus.Raised, raised.Alarm.Status);
    }

    [Fact]
    public async Task A_bridge_that_vanishes_without_closing_is_cut_off_by_the_silos_pings_and_its_villages_become_unreachable()
    {
        await using var relay = TcpRelay.Start("127.0.0.1", _silo.Address.Port);
        using var throughRelay = GrpcChannel.ForAddress($"http://127.0.0.1:{relay.Port}");
        await using var bridge = await BridgeConnection.ConnectAsync(throughRelay, Bridge);
        var sound = new SoundAlarmRequest { CommuneKey = CaoThinh, Kind = AlarmKind.Fire };
        var connected = await _alarms.SoundAlarmOnSpeakersAsync(sound, As(DistrictToken));

        relay.Freeze();
        var cut = await Eventually.Until(
            () => _alarms.SoundAlarmOnSpeakersAsync(sound, As(DistrictToken)).ResponseAsync,
            reply => reply.CommandsSent == 0,
            TimeSpan.FromSeconds(20));

        Assert.Equal(7, connected.CommandsSent);
        Assert.Equal((0, 7), (cut.CommandsSent, cut.UnreachableVillages.Count));
    }
}
