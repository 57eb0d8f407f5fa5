using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Villages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `village-memory` scenario: what an idle, configured village activation keeps in memory. The whole grid is
/// weighed right after an import; then a second silo restarted on the same SQLite file activates villages alone (by reading
/// tonight's outcome), which is the figure the target is about. A restarted silo first loads every reminder of its
/// range, villages' and devices', active or not: that table is weighed on its own, against a silo over an empty store.
/// Every weight is of live objects once the silo has settled (<see cref="LiveHeap"/>). Each run uses fresh storage;
/// the first warms up.
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
        var runs = new List<Weights>();
        BenchStore? store = null;
        for (var run = 0; run <= Runs; run++)
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
            store = BenchStore.Open(sqlite: true);
            var weights = await MeasureAsync(roster, keys, store);
            if (run > 0)
            {
                runs.Add(weights);
            }
        }
        Report.Figure($"whole grid after import, per village ({keys.Count:N0}; roster shared with importer)", Report.Median(runs.Select(run => run.Grid)), "bytes", runs.Select(run => run.Grid));
        Report.Figure("village activation alone, per village", Report.Median(runs.Select(run => run.Village)), "bytes", runs.Select(run => run.Village));
        Report.Figure($"reminder table of the restarted silo, per reminder ({runs[0].Reminders:N0})", Report.Median(runs.Select(run => run.PerReminder)), "bytes", runs.Select(run => run.PerReminder));
        Report.Figure("  the same, per village", Report.Median(runs.Select(run => run.PerReminder * run.Reminders / keys.Count)), "bytes");
        var serializer = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(VillageProfile).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        await VillageStateWeights.PrintAsync(store!.Path!, serializer, keys, Report.Median(runs.Select(run => run.Village)));
        await store.DisposeAsync();
    }

    private static async Task<Weights> MeasureAsync(DistrictRoster roster, IReadOnlyList<string> keys, BenchStore store)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddHours(-1));
        long imported;
        await using (var silo = await GridSilo.StartAsync(store, clock))
        {
            await new RosterImport(silo.GrainFactory).ApplyAsync(roster);
            imported = await LiveHeap.SettledAsync();
        }
        // What stays once the silo is gone is storage and reminder records, so the difference is the live grid (villages,
        // devices, communes), lighter than after a restart because imported grains hold the importer's roster objects.
        var grid = imported - await LiveHeap.SettledAsync();

        long bare;
        await using (var empty = BenchStore.Open(sqlite: true))
        await using (await GridSilo.StartAsync(empty, clock))
        {
            bare = await LiveHeap.SettledAsync();
        }

        await using var restarted = await GridSilo.StartAsync(store, clock);
        var reminders = await LiveHeap.SettledAsync() - bare;
        // The first activations release a few MB the process held since the import (seen as a negative cost), so
        // they warm up and only the rest are weighed.
        await ActivateAsync(restarted, keys.Take(WarmUp));
        var before = await LiveHeap.SettledAsync();
        await ActivateAsync(restarted, keys.Skip(WarmUp));
        var after = await LiveHeap.SettledAsync();
        if ((await restarted.ActivationCountAsync()) != keys.Count)
        {
            throw new InvalidOperationException($"Expected {keys.Count} village activations, found {(await restarted.ActivationCountAsync())}.");
        }
        var reminderCount = await CountRemindersAsync(store.Path!);
        return new Weights(grid / (double)keys.Count, (after - before) / (double)(keys.Count - WarmUp), reminderCount, reminders / (double)reminderCount);
    }

    private static async Task<int> CountRemindersAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orleans_reminders";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Weights(double Grid, double Village, int Reminders, double PerReminder);

    private static Task ActivateAsync(TestSilo silo, IEnumerable<string> keys) =>
        Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (key, _) => await silo.GrainFactory.GetGrain<IVillageGrain>(key).GetNightAsync(GridSilo.Night));
}
