using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>The runtime benchmarks' silo: the tests' in-process Orleans silo with the bench grains, over memory and the system clock.</summary>
internal static class BenchSilo
{
    public static Task<TestSilo> StartAsync() => TestSilo.StartAsync(TimeProvider.System, BenchStore.Open(sqlite: false).Configure);

    /// <summary>A key shaped like a village's (district/commune/village), so placement and hashing see realistic strings.</summary>
    public static string VillageKey(string run, int index) => $"{run}/commune-{index / 100:D4}/village-{index:D6}";
}
