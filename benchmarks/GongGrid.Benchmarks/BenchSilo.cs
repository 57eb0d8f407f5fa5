using GongGrid.Benchmarks.BenchGrains;
using GongGrid.Runtime.Storage;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>The runtime benchmarks' silo: the tests' in-process silo with the bench grains, over memory and the system clock.</summary>
internal static class BenchSilo
{
    public static Task<TestSilo> StartAsync()
    {
        var store = GrainStore.InMemory();
        return TestSilo.StartAsync(store.Grains, store.Reminders, TimeProvider.System, typeof(QueryGrain).Assembly);
    }

    /// <summary>A key shaped like a village's (district/commune/village), so placement and hashing see realistic strings.</summary>
    public static string VillageKey(string run, int index) => $"{run}/commune-{index / 100:D4}/village-{index:D6}";
}
