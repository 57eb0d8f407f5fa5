namespace GongGrid.Runtime.Placement;

/// <summary>Which partitions this silo may activate grains in. One silo owns them all; a cluster leases them.</summary>
public interface IPartitionOwnership
{
    bool IsLocal(int partition);
}

/// <summary>The embedded default: one silo owns every partition.</summary>
public sealed class AllPartitionsLocal : IPartitionOwnership
{
    public bool IsLocal(int partition) => true;
}
