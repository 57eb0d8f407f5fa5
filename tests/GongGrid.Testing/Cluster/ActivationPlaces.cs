namespace GongGrid.Testing.Cluster;

/// <summary>Which silo of the cluster holds a grain's activation, as Orleans's management grain reports it.</summary>
public static class ActivationPlaces
{
    /// <summary>The silo <paramref name="grainId"/> (such as "district/ngoc-lac") is active on now; null when it is active nowhere.</summary>
    public static async Task<ClusterSilo?> SiloHostingAsync(this SiloCluster cluster, string grainId)
    {
        var activation = (await cluster.ActivationsAsync()).FirstOrDefault(activation => activation.Grain.ToString() == grainId);
        return activation.Silo is null ? null : cluster.Silos.FirstOrDefault(silo => silo.SiloPort == activation.Silo.Endpoint.Port);
    }
}
