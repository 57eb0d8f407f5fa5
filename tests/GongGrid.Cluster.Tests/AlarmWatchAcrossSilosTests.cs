using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
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
        await cluster.ConnectManagementAsync();
        var districtSilo = await cluster.SiloHostingAsync($"district/{TonightInTheCluster.District}");
        Assert.True(districtSilo is not null, $"the district grain is active nowhere after the import\n{cluster.Describe()}");
        var (watching, ingesting) = (cluster.Silos.First(silo => silo != districtSilo), cluster.Silos.Last(silo => silo != districtSilo));
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
