using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RollingRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Every_silo_replaced_in_turn_under_load_stops_within_its_grace_and_the_night_stays_exact()
    {
        var reference = await SingleSiloReference.RunAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        var batches = PeaceTraffic.Batches();
        var originals = cluster.Silos;
        using var rolled = new CancellationTokenSource();
        var senders = FailoverSender.Bridges(cluster);

        // The bridges send the burst over and over (every pass after the first is duplicates) until the roll is done.
        var load = Task.WhenAll(senders.Select(async (sender, index) =>
        {
            var share = batches.Where((_, batch) => batch % 3 == index).ToList();
            do
            {
                await sender.SendAsync(share);
            }
            while (!rolled.IsCancellationRequested);
        }));

        // A fourth silo joins under load first, then each original is stopped with SIGTERM and replaced.
        await cluster.AddSiloAsync();
        foreach (var silo in originals)
        {
            var exitCode = await silo.Process.StopAsync(ClusterTimings.ShutdownGrace + TimeSpan.FromSeconds(10));
            Assert.True(exitCode == 0, $"{silo.Name} exited {exitCode} on SIGTERM\n{silo.Process.Describe()}");
            await cluster.AddSiloAsync();
        }
        await rolled.CancelAsync();
        await load;

        Assert.DoesNotContain(senders.SelectMany(sender => sender.Acks.Values), ack => ack.Disposition == Disposition.Rejected);
        Assert.Equal(reference.Summary, await cluster.Live[0].NightSummaryAsync());
        Assert.Equal(reference.StrikeCounts, await cluster.Live[^1].StrikeCountsAsync());
    }
}
