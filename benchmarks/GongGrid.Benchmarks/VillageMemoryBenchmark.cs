using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Villages;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `village-memory` scenario: what an idle, configured village activation keeps in memory. The whole grid is
/// weighed right after an import; then a second silo restarted on the same SQLite file activates villages alone (by reading
/// tonight's outcome), which is the figure the target is about. Each run uses fresh storage; the first warms up.
/// </summary>
internal static class VillageMemoryBenchmark
{
    private const int Communes = 100;
    private const int VillagesPerCommune = 100;
    private const int WarmUp = 1_000;
    private const int Runs = 3;
    private const int Seed = 2026;

    public static async Task RunAsync()
    {
        Report.Heading("village-memory: idle configured village activation (target: at most 3 KB per village)");
        var roster = SyntheticDistrict.Create("bench-memory", "Huyện Đo Bộ Nhớ", Communes, VillagesPerCommune, VillagesPerCommune, Seed);
        var keys = GridSilo.VillageKeys(roster);
        var grids = new List<double>();
        var villages = new List<double>();
        BenchStore? store = null;
        for (var run = 0; run <= Runs; run++)
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
            store = BenchStore.Open(sqlite: true);
            var (grid, village) = await MeasureAsync(roster, keys, store);
            if (run > 0)
            {
                grids.Add(grid);
                villages.Add(village);
            }
        }
        Report.Figure($"whole grid after import, per village ({keys.Count:N0}; roster shared with importer)", Report.Median(grids), "bytes", grids);
        Report.Figure("village activation alone, per village", Report.Median(villages), "bytes", villages);
        var serializer = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(VillageProfile).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        await VillageStateWeights.PrintAsync(store!.Path!, serializer, keys, Report.Median(villages));
        await store.DisposeAsync();
    }

    private static async Task<(double Grid, double Village)> MeasureAsync(DistrictRoster roster, IReadOnlyList<string> keys, BenchStore store)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddHours(-1));
        long imported;
        await using (var silo = await GridSilo.StartAsync(store, clock))
        {
            await new RosterImport(silo.GrainFactory).ApplyAsync(roster);
            imported = GC.GetTotalMemory(forceFullCollection: true);
        }
        // What stays once the silo is gone is storage and reminder records, so the difference is the live grid (villages,
        // devices, communes), lighter than after a restart because imported grains hold the importer's roster objects.
        var grid = imported - GC.GetTotalMemory(forceFullCollection: true);

        await using var restarted = await GridSilo.StartAsync(store, clock);
        // The first activations release a few MB the process held since the import (seen as a negative cost), so
        // they warm up and only the rest are weighed.
        await ActivateAsync(restarted, keys.Take(WarmUp));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await ActivateAsync(restarted, keys.Skip(WarmUp));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        if ((await restarted.ActivationCountAsync()) != keys.Count)
        {
            throw new InvalidOperationException($"Expected {keys.Count} village activations, found {(await restarted.ActivationCountAsync())}.");
        }
        return (grid / (double)keys.Count, (after - before) / (double)(keys.Count - WarmUp));
    }

    private static Task ActivateAsync(TestSilo silo, IEnumerable<string> keys) =>
        Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (key, _) => await silo.GrainFactory.GetGrain<IVillageGrain>(key).GetNightAsync(GridSilo.Night));
}
