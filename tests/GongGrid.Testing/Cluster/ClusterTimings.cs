namespace GongGrid.Testing.Cluster;

/// <summary>How long the tests give the cluster for what it promises, generous for two shared, loaded cores.</summary>
public static class ClusterTimings
{
    /// <summary>What a silo is given to hand over its grains on SIGTERM (GongGrid:ShutdownGrace).</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(20);

    /// <summary>How long a sender keeps offering a batch to the silos before the test fails.</summary>
    public static readonly TimeSpan BatchDeadline = TimeSpan.FromSeconds(120);
}
