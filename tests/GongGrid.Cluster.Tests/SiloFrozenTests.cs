using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using GongGrid.Testing;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SiloFrozenTests(PostgresServer postgres)
{
    // It found a defect: an older tally of one commune, sent by the frozen silo's activation, reached the district
    // after newer ones when the silo woke (9 villages back to pending in 2 of 3 runs). Tallies now carry the commune's
    // revision and the district ignores an older one.
    [Fact]
    public async Task A_silo_frozen_past_its_membership_timeout_is_declared_dead_learns_it_on_waking_and_the_counts_stay_exact()
    {
        var reference = await SingleSiloReference.RunAsync();
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        await cluster.ConnectManagementAsync();
        var batches = PeaceTraffic.Batches();
        var senders = FailoverSender.Bridges(cluster);
        await FailoverSender.SendSharedAsync(senders, [.. batches.Take(batches.Count / 3)]);

        // SIGSTOP: its grains hold what they held, its sockets stay open, and it answers no probe.
        var frozen = cluster.Silos[1];
        await cluster.FreezeAsync(frozen);
        await FailoverSender.SendSharedAsync(senders, [.. batches.Skip(batches.Count / 3)]);
        var active = await Eventually.Until(cluster.ActiveSiloCountAsync, count => count == 2, TimeSpan.FromSeconds(60));
        Assert.True(active == 2, $"{active} silos still active with {frozen.Name} frozen\n{cluster.Describe()}");

        // SIGCONT: it reads that it was declared dead and stops itself; what its stale activations try to write is
        // refused (their ETags are old), so nothing it held can overwrite what the others wrote since.
        await cluster.ThawAsync(frozen);
        await Eventually.Until(() => Task.FromResult(frozen.Process.HasExited), exited => exited, TimeSpan.FromSeconds(60));
        Assert.True(frozen.Process.HasExited, $"{frozen.Name} kept running after it was declared dead\n{frozen.Process.Describe()}");

        Assert.DoesNotContain(senders.SelectMany(sender => sender.Acks.Values), ack => ack.Disposition == Disposition.Rejected);
        Assert.Equal(reference.Summary, await cluster.Live[0].NightSummaryAsync());
        Assert.Equal(reference.StrikeCounts, await cluster.Live[1].StrikeCountsAsync());
    }
}
