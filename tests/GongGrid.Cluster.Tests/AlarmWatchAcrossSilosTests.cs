using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using Grpc.Core;
using Xunit.Abstractions;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AlarmWatchAcrossSilosTests(PostgresServer postgres, ITestOutputHelper output)
{
    /// <summary>Ngọc Liên villages with an alarm button; each is pressed once.</summary>
    private static readonly string[] Villages =
        [.. new[] { "phu-thuong", "tan-lap", "hong-phong", "minh-tien", "coc-ha" }.Select(village => $"{TonightInTheCluster.District}/ngoc-lien/{village}")];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Prints how long each watch took to see each alarm after its button press was sent, for the push latency figures.
    [Fact]
    public async Task A_watch_on_one_silo_sees_alarms_pressed_through_another_while_the_district_grain_is_on_a_third()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        var (districtSilo, watching, ingesting) = await PlacesAsync(cluster);
        await using var remote = await ClusterAlarmWatch.OpenAsync(watching);
        await using var local = await ClusterAlarmWatch.OpenAsync(districtSilo);
        await using var bridge = new BridgeStream(ingesting);

        var latencies = new List<(double Remote, double Local)>();
        foreach (var (village, index) in Villages.Select((village, index) => (village, index)))
        {
            var sent = Stopwatch.GetTimestamp();
            var ack = Assert.Single((await bridge.SendAsync([Press(village, index)])).Acks);
            Assert.Equal(Disposition.Applied, ack.Disposition);
            var seenRemote = await remote.NextAsync(change => IsRaised(change, village), Patience);
            var seenLocal = await local.NextAsync(change => IsRaised(change, village), Patience);

            Assert.True(seenRemote is not null, $"the watch on {watching.Name} never saw the alarm pressed in {village} through {ingesting.Name} (district on {districtSilo.Name})");
            Assert.True(seenLocal is not null, $"the watch on {districtSilo.Name}, the district's silo, never saw the alarm pressed in {village}");
            Assert.Equal(AlarmKind.Fire, seenRemote.Value.Event.Alarm.Kind);
            latencies.Add((Stopwatch.GetElapsedTime(sent, seenRemote.Value.At).TotalMilliseconds, Stopwatch.GetElapsedTime(sent, seenLocal.Value.At).TotalMilliseconds));
        }

        Assert.Equal(districtSilo, await cluster.SiloHostingAsync($"district/{TonightInTheCluster.District}"));
        output.WriteLine($"alarm push, ingest through {ingesting.Name} to the watcher seeing it, {latencies.Count} alarms; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"  watcher on the district's silo ({districtSilo.Name}): median {Median(latencies.Select(latency => latency.Local))} ms; each {Each(latencies.Select(latency => latency.Local))}");
        output.WriteLine($"  watcher on another silo ({watching.Name}):        median {Median(latencies.Select(latency => latency.Remote))} ms; each {Each(latencies.Select(latency => latency.Remote))}");
    }

    [Fact]
    public async Task When_the_district_grains_silo_is_killed_a_watch_on_another_silo_ends_unavailable_and_watched_again_sees_new_alarms()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        var (districtSilo, watching, ingesting) = await PlacesAsync(cluster);
        var before = await ClusterAlarmWatch.OpenAsync(watching);
        await using var bridge = new BridgeStream(ingesting);
        await bridge.SendAsync([Press(Villages[0], 0)]);
        Assert.NotNull(await before.NextAsync(change => IsRaised(change, Villages[0]), Patience));

        // The district's new activation knows no watcher: changes made before the feed renews would go unsent, so
        // the feed ends the watch and the dashboard opens it again, from a snapshot.
        await districtSilo.Process.KillAsync();
        var ended = await before.Ended.WaitAsync(TimeSpan.FromSeconds(90));
        await before.DisposeAsync();
        await using var again = await ClusterAlarmWatch.OpenAsync(watching);
        var snapshot = await again.NextAsync(change => change.Snapshot && change.Alarm.VillageKey == Villages[0], Patience);
        // Sent again until acknowledged: Ngọc Liên's grains may have been on the killed silo and be placed anew.
        await new FailoverSender(() => [ingesting], firstSilo: 0).SendAsync([[Press(Villages[1], 1)]]);
        var raised = await again.NextAsync(change => IsRaised(change, Villages[1]), Patience);

        Assert.Equal(StatusCode.Unavailable, ended);
        Assert.True(snapshot is not null, $"the watch opened again on {watching.Name} did not start with the live alarm of {Villages[0]}");
        Assert.True(raised is not null, $"the watch opened again on {watching.Name} never saw the alarm pressed in {Villages[1]} after {districtSilo.Name} died");
    }

    /// <summary>The silo the district's grain is on, one to watch from and one to send through, both apart from it.</summary>
    private static async Task<(ClusterSilo District, ClusterSilo Watching, ClusterSilo Ingesting)> PlacesAsync(SiloCluster cluster)
    {
        await cluster.ConnectManagementAsync();
        var district = await cluster.SiloHostingAsync($"district/{TonightInTheCluster.District}");
        Assert.True(district is not null, $"the district grain is active nowhere after the import\n{cluster.Describe()}");
        return (district, cluster.Silos.First(silo => silo != district), cluster.Silos.Last(silo => silo != district));
    }

    private static bool IsRaised(AlarmEvent change, string village) =>
        !change.Snapshot && change.Alarm.VillageKey == village && change.Alarm.Status == AlarmStatus.Raised;

    private static DeviceEvent Press(string village, int index) => new()
    {
        DeviceKey = $"{village}/alarm-button-1",
        EventId = $"press-{index}",
        Sequence = 1,
        DeviceTime = Timestamp.FromDateTimeOffset(TonightInTheCluster.PeaceAt.AddSeconds(index)),
        AlarmButton = new AlarmButton { Kind = AlarmKind.Fire },
    };

    private static string Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2).ToString("F1", CultureInfo.InvariantCulture);
    }

    private static string Each(IEnumerable<double> values) => string.Join(", ", values.Select(value => value.ToString("F1", CultureInfo.InvariantCulture)));
}
