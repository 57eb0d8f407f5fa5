using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class EveryGrainOnOneSiloTests(PostgresServer postgres)
{
    [Fact]
    public async Task Three_silos_on_one_database_answer_alike_for_every_grain_and_each_grain_is_active_on_one_silo()
    {
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3);
        await cluster.ConnectManagementAsync();
        var batches = PeaceTraffic.Batches();

        // Three bridges, each on its own silo, sending a third of the burst: every silo takes ingest for every commune.
        var senders = FailoverSender.Bridges(cluster);
        await FailoverSender.SendSharedAsync(senders, batches);

        var summaries = await Task.WhenAll(cluster.Silos.Select(silo => silo.NightSummaryAsync()));
        Assert.All(summaries, summary => Assert.Equal(summaries[0], summary));
        Assert.Equal(PeaceTraffic.StrikesPerVillage(), (await cluster.Silos[2].StrikeCountsAsync()).Where(village => village.Value > 0).ToDictionary());
        var activations = await cluster.ActivationsAsync();
        Assert.Empty(activations.GroupBy(activation => activation.Grain).Where(grain => grain.Count() > 1).Select(grain => grain.Key));
        Assert.True(activations.Select(activation => activation.Silo).Distinct().Count() == 3,
            $"the district's grains are active on {activations.Select(activation => activation.Silo).Distinct().Count()} of 3 silos\n{cluster.Describe()}");
    }
}
