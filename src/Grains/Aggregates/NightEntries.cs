namespace GongGrid.Grains.Aggregates;

/// <summary>One night's values in a commune or district, keyed by the village or commune they came from.</summary>
[GenerateSerializer, Alias("gonggrid.NightEntries`1")]
public sealed class NightEntries<TValue>
{
    [Id(0)]
    public DateOnly Night { get; set; }

    [Id(1)]
    public Dictionary<string, TValue> Entries { get; set; } = [];

    /// <summary>How many times a commune's entries changed: it stamps the counts it sends up with this.</summary>
    [Id(2)]
    public long Revision { get; set; }

    /// <summary>
    /// In a district, the revision of each commune's latest counts. A commune's report can arrive after a newer one
    /// (sent by an activation on a silo that froze, then delivered when it woke): an older revision is ignored.
    /// </summary>
    [Id(3)]
    public Dictionary<string, long> SourceRevisions { get; set; } = [];
}

/// <summary>The last few nights an aggregate grain keeps live; older nights are answered from village history.</summary>
public static class RecentNights
{
    /// <summary>Two weeks: tonight, and enough nights back for the police to compare.</summary>
    public const int Kept = 14;

    public static Dictionary<string, TValue>? Find<TValue>(List<NightEntries<TValue>> nights, DateOnly night) => FindNight(nights, night)?.Entries;

    /// <summary>The entries of <paramref name="night"/>, added if new; null when it is older than every night kept.</summary>
    public static NightEntries<TValue>? GetOrAdd<TValue>(List<NightEntries<TValue>> nights, DateOnly night)
    {
        if (FindNight(nights, night) is { } existing)
        {
            return existing;
        }
        if (nights.Count >= Kept && night < nights.Min(entry => entry.Night))
        {
            return null;
        }
        var added = new NightEntries<TValue> { Night = night };
        nights.Add(added);
        nights.Sort((left, right) => left.Night.CompareTo(right.Night));
        if (nights.Count > Kept)
        {
            nights.RemoveAt(0);
        }
        return added;
    }

    /// <summary>Whether <paramref name="night"/> is older than the nights kept, so "no entries" means "not kept", not "nothing heard".</summary>
    public static bool IsForgotten<TValue>(List<NightEntries<TValue>> nights, DateOnly night) =>
        nights.Count >= Kept && night < nights.Min(entry => entry.Night);

    private static NightEntries<TValue>? FindNight<TValue>(List<NightEntries<TValue>> nights, DateOnly night)
    {
        // A loop, not List.Find: this runs several times per village report, and a lambda over night allocates.
        foreach (var entry in nights)
        {
            if (entry.Night == night)
            {
                return entry;
            }
        }
        return null;
    }
}
