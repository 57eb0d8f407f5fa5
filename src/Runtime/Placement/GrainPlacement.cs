namespace GongGrid.Runtime.Placement;

/// <summary>Decides whether this silo may activate a grain: its partition must be owned here.</summary>
internal sealed class GrainPlacement(PartitionMap partitions, IPartitionOwnership ownership)
{
    public void EnsureLocal(GrainId grainId)
    {
        var partition = partitions.PartitionOf(grainId);
        if (!ownership.IsLocal(partition))
        {
            throw new PartitionNotLocalException(grainId, partition);
        }
    }
}
