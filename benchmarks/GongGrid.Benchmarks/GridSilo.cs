using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>The domain grid in process: the grain tests' silo and manual clock, on the night they play out.</summary>
internal static class GridSilo
{
    /// <summary>The benchmarked night; its peace time, 22:00 local (UTC+7), is 15:00 UTC.</summary>
    public static readonly DateOnly Night = new(2026, 11, 22);

    public static readonly DateTimeOffset PeaceTime = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    public static Task<TestSilo> StartAsync(BenchStore store, ManualTimeProvider clock) => TestSilo.StartAsync(clock, store.Configure);

    /// <summary>Every village key of a roster, in roster order.</summary>
    public static IReadOnlyList<string> VillageKeys(DistrictRoster roster) =>
        [.. roster.Communes.SelectMany(commune => commune.Villages.Select(village => $"{roster.Key}/{commune.Slug}/{village.Slug}"))];
}
