using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using GongGrid.Testing;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SiloKilledMidBurstTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_silo_killed_with_kill_9_in_the_22_00_burst_leaves_the_night_as_one_silo_saw_it_with_every_acknowledged_strike_counted_once()
    {
        var reference = await SingleSiloReference.RunAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        var batches = PeaceTraffic.Batches();
        var senders = FailoverSender.Bridges(cluster);

        var sending = FailoverSender.SendSharedAsync(senders, batches);
        await Eventually.Until(() => Task.FromResult(senders.Sum(sender => sender.BatchesAcknowledged)), acknowledged => acknowledged >= batches.Count / 3, TimeSpan.FromSeconds(60));
        var victim = cluster.Silos[1];
        await victim.Process.KillAsync();
        await sending;

        var failures = string.Join('\n', senders.SelectMany(sender => sender.Failures));
        Assert.True(senders.Sum(sender => sender.BatchesAcknowledged) == batches.Count, $"not every batch was acknowledged\n{failures}");
        Assert.True(senders.Sum(sender => sender.Failovers) > 0, "no sender noticed the kill: it came after the burst");
        Assert.DoesNotContain(senders.SelectMany(sender => sender.Acks.Values), ack => ack.Disposition == Disposition.Rejected);
        var survivor = cluster.Live[0];
        Assert.Equal(reference.Summary, await survivor.NightSummaryAsync());
        Assert.Equal(reference.StrikeCounts, await survivor.StrikeCountsAsync());
    }
}
