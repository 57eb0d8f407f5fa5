namespace GongGrid.Runtime;

/// <summary>Settings of one silo's grain runtime.</summary>
public sealed class SiloOptions
{
    /// <summary>An activation that received no call for this long is collected (its unsaved state written first).</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A grain call that takes longer fails with <see cref="GrainCallTimeoutException"/>; measured in real time.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Number of placement partitions; fixed for the life of a cluster's storage.</summary>
    public int PartitionCount { get; set; } = 64;

    /// <summary>Leading key segments that decide placement (2: district/commune).</summary>
    public int PlacementKeySegments { get; set; } = 2;

    /// <summary>Reminder ticks delivered at once; more wait their turn.</summary>
    public int MaxConcurrentReminderTicks { get; set; } = 512;
}
