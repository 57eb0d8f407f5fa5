using System.Threading.Channels;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>
/// The grain side of pushing across silos, with real observers on the test silo: the district's alarm subscriptions
/// and the communes' bridge routes. The cluster tests run the same through silo processes.
/// </summary>
public sealed class PushAcrossSilosTests
{
    private const string XaA = "test-huyen/xa-a";

    [Fact]
    public async Task A_subscribed_watcher_is_told_of_an_alarm_and_a_renewal_says_whether_the_district_still_knew_it()
    {
        await using var grid = await GridHarness.StartAsync();
        var watcher = new RecordingWatcher();
        var reference = grid.Grains.CreateObjectReference<IAlarmWatcher>(watcher);

        var first = await grid.District.WatchAlarmsAsync(reference);
        var renewed = await grid.District.WatchAlarmsAsync(reference);
        await grid.StrikeAlarmAsync(TestDistrict.Thon2Gong, GridHarness.PeaceTime.AddMinutes(-50));
        var told = await watcher.Alarms.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await grid.Silo.CollectIdleAsync(TimeSpan.Zero);
        var afterReactivation = await grid.District.WatchAlarmsAsync(reference);

        Assert.Equal((false, true), (first, renewed));
        Assert.Equal((TestDistrict.Thon2, AlarmStatus.Raised), (told.VillageKey, told.Status));
        Assert.False(afterReactivation);
    }

    [Fact]
    public async Task A_stream_that_reconnects_replaces_the_route_and_the_older_streams_renewal_takes_none_back()
    {
        await using var grid = await GridHarness.StartAsync();
        var routes = grid.Grains.GetGrain<IBridgeRoutesGrain>(XaA);
        var silo = grid.Silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var (older, newer) = (grid.Grains.CreateObjectReference<IBridgeLink>(new RecordingLink()), grid.Grains.CreateObjectReference<IBridgeLink>(new RecordingLink()));

        await routes.ConnectAsync(older, silo, [TestDistrict.Thon1, TestDistrict.Thon2]);
        await routes.ConnectAsync(newer, silo, [TestDistrict.Thon1]);
        await routes.KeepAsync(older, silo, [TestDistrict.Thon1, TestDistrict.Thon2]);
        var both = await routes.GetLinksAsync();
        await routes.DisconnectAsync(newer);
        var afterNewerClosed = await routes.GetLinksAsync();

        Assert.Equal(newer.GetGrainId(), both[TestDistrict.Thon1].GetGrainId());
        Assert.Equal(older.GetGrainId(), both[TestDistrict.Thon2].GetGrainId());
        Assert.Equal(new[] { TestDistrict.Thon2 }, afterNewerClosed.Keys);
    }

    [Fact]
    public async Task A_route_to_a_silo_the_cluster_does_not_count_as_active_is_dropped_when_asked_for()
    {
        await using var grid = await GridHarness.StartAsync();
        var routes = grid.Grains.GetGrain<IBridgeRoutesGrain>(XaA);
        var gone = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), 1);

        await routes.ConnectAsync(grid.Grains.CreateObjectReference<IBridgeLink>(new RecordingLink()), gone, [TestDistrict.Thon1]);

        Assert.Empty(await routes.GetLinksAsync());
    }

    private sealed class RecordingWatcher : IAlarmWatcher
    {
        public Channel<Alarm> Alarms { get; } = Channel.CreateUnbounded<Alarm>();

        public Task OnAlarmChangedAsync(Alarm alarm) => Alarms.Writer.WriteAsync(alarm).AsTask();
    }

    private sealed class RecordingLink : IBridgeLink
    {
        public Task SendAsync(PlayCommand command) => Task.CompletedTask;
    }
}
