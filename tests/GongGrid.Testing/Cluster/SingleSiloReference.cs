using GongGrid.Api.V1;

namespace GongGrid.Testing.Cluster;

/// <summary>What one silo on its own makes of <see cref="PeaceTraffic"/>: the answers a cluster must give too.</summary>
public sealed record SingleSiloReference(NightSummary Summary, Dictionary<string, int> StrikeCounts)
{
    public static async Task<SingleSiloReference> RunAsync()
    {
        await using var silo = await ClusterSilo.StartAsync("reference-silo", postgres: null, importRoster: true);
        var sender = new FailoverSender(() => [silo], firstSilo: 0);
        await sender.SendAsync(PeaceTraffic.Batches());
        return new SingleSiloReference(await silo.NightSummaryAsync(), await silo.StrikeCountsAsync());
    }
}
