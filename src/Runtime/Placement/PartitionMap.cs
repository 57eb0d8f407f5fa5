namespace GongGrid.Runtime.Placement;

/// <summary>
/// Places grains by partition. A grain's partition is a stable hash of the first
/// <see cref="SiloOptions.PlacementKeySegments"/> segments of its key, so "ngoc-lac/cao-thinh/lang-moi/gong-1"
/// lives with its commune "ngoc-lac/cao-thinh": a commune's villages and devices share a partition.
/// </summary>
public sealed class PartitionMap(int partitionCount, int placementKeySegments)
{
    public int PartitionCount { get; } = partitionCount > 0
        ? partitionCount
        : throw new ArgumentOutOfRangeException(nameof(partitionCount), partitionCount, "A silo needs at least one partition.");

    public int PartitionOf(GrainId grainId) => (int)(Fnv1a(PlacementKey(grainId.Key)) % (uint)PartitionCount);

    private ReadOnlySpan<char> PlacementKey(string key)
    {
        var end = -1;
        for (var segment = 0; segment < placementKeySegments; segment++)
        {
            end = key.IndexOf('/', end + 1);
            if (end < 0)
            {
                return key;
            }
        }
        return key.AsSpan(0, end);
    }

    // FNV-1a: stable across processes and machines, unlike string.GetHashCode.
    private static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619u;
        }
        return hash;
    }
}
