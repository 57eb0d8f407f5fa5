using System.Diagnostics;
using Grpc.Health.V1;
using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;
using static GongGrid.Api.Tests.Support.ApiSilo;
using static GongGrid.Api.Tests.Support.SampleDistrict;
using HealthService = Grpc.Health.V1.Health;

namespace GongGrid.Api.Tests;

public sealed class ShutdownTests
{
    /// <summary>
    /// Kestrel waits up to its shutdown timeout (30 s) for calls still running; dashboards, bridges and probes hold
    /// theirs open for hours, so the silo must end them when it begins to stop, and they hang up and reconnect.
    /// </summary>
    [Fact]
    public async Task A_stopping_silo_ends_the_streams_held_open_at_once_and_stops_when_their_clients_hang_up()
    {
        await using var silo = await ApiSilo.StartAsync(("bridge-ngoc-lien", VillagesOf(NgocLien)));
        var watch = new AlarmWatch(silo.Channel, new WatchAlarmsRequest { DistrictKey = Key }, DistrictToken);
        var bridge = await silo.ConnectBridgeAsync("bridge-ngoc-lien");
        var probe = new HealthService.HealthClient(silo.Channel).Watch(new HealthCheckRequest(), new CallOptions());
        Assert.True(await probe.ResponseStream.MoveNext());
        var watching = watch.FirstAsync();
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        var stopping = silo.StopAsync();
        var watchEnd = await Assert.ThrowsAsync<RpcException>(() => watching.WaitAsync(TimeSpan.FromSeconds(5)));
        var bridgeEnd = await bridge.Ended;
        var probeSaid = await probe.ResponseStream.MoveNext() ? probe.ResponseStream.Current.Status : HealthCheckResponse.Types.ServingStatus.Unknown;
        var probeEnded = !await probe.ResponseStream.MoveNext();
        probe.Dispose();
        await Task.WhenAll(watch.DisposeAsync().AsTask(), bridge.DisposeAsync().AsTask());
        await stopping;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the silo took {clock.Elapsed} to stop");
        Assert.Equal(StatusCode.Unavailable, watchEnd.StatusCode);
        Assert.True(bridgeEnd?.StatusCode == StatusCode.Unavailable, bridgeEnd?.Status.Detail);
        Assert.Equal((HealthCheckResponse.Types.ServingStatus.NotServing, true), (probeSaid, probeEnded));
    }
}
