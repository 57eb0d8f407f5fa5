using System.Diagnostics;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `national-night` scenario: 700 districts of 100 villages on one silo. Import at 21:00 local, peace rounds at
/// 22:00 from most gong villages, then the clock passes 23:00 and every village's night-close reminder falls due at
/// once; timed until every district reports nothing pending. By then idle collection (15 minutes) has deactivated
/// the villages, so finalisation also reactivates them from storage, as it would in production.
/// </summary>
internal static class NationalNightBenchmark
{
    private const int Districts = 700;
    private const int Seed = 70_000;

    /// <summary>One gong village in four strikes a round (enough for real work, short enough to run often); the rest are missed.</summary>
    private const int StrikeEveryNth = 4;

    public static async Task RunAsync()
    {
        Report.Heading("national-night: finalising 70,000 villages at 23:00 (target: under 5 s)");
        var stopwatch = Stopwatch.StartNew();
        var nation = WithQuietDevices(SyntheticNation.Create(Districts, 10, 10, 10, Seed));
        var villages = nation.Sum(district => district.Communes.Sum(commune => commune.Villages.Count));
        Report.Figure($"nation generated ({villages:N0} villages)", stopwatch.Elapsed.TotalSeconds, "s");
        foreach (var sqlite in new[] { false, true })
        {
            await using var store = BenchStore.Open(sqlite);
            await RunNightAsync(nation, villages, store);
        }
    }

    /// <summary>
    /// Devices here send no heartbeats (the benchmark is about villages), so the offline threshold is widened past
    /// the night: otherwise every device's silence check would report it offline mid-evening and drown the figure.
    /// </summary>
    private static IReadOnlyList<DistrictRoster> WithQuietDevices(IReadOnlyList<DistrictRoster> nation) =>
        [.. nation.Select(district => district with { Settings = district.Settings with { DeviceOfflineAfter = TimeSpan.FromHours(6) } })];

    private static async Task RunNightAsync(IReadOnlyList<DistrictRoster> nation, int villages, BenchStore store)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddHours(-1));
        await using var silo = await GridSilo.StartAsync(store, clock);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(nation, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (district, cancellationToken) => await new RosterImport(silo.GrainFactory).ApplyAsync(district, cancellationToken));
        Report.Figure($"{store.Name}: import", stopwatch.Elapsed.TotalSeconds, "s");

        await SettleAsync(silo, clock, GridSilo.PeaceTime);
        var rounds = PeaceRounds.Plan(nation, GridSilo.PeaceTime, StrikeEveryNth);
        stopwatch.Restart();
        var strikes = await PeaceRounds.SendAsync(new DeviceEventIngest(silo.GrainFactory), rounds);
        Report.Figure($"{store.Name}: peace rounds from {rounds.Count:N0} villages ({strikes:N0} strikes)", strikes / stopwatch.Elapsed.TotalSeconds, "strikes/s");

        await SettleAsync(silo, clock, GridSilo.PeaceTime.AddHours(1).AddSeconds(-1));
        var gen2 = GC.CollectionCount(2);
        var finalisation = await ProcessCost.MeasureAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await UntilFinalAsync(silo.GrainFactory, nation);
        });
        var elapsed = finalisation.Elapsed.TotalSeconds;
        Report.Figure($"{store.Name}: finalisation of {villages:N0} villages", elapsed, "s");
        Report.Figure($"{store.Name}: villages finalised per second", villages / elapsed, "/s");
        Report.Figure($"{store.Name}:   CPU per village", finalisation.Cpu.TotalMicroseconds / villages, "µs");
        Report.Figure($"{store.Name}:   allocated per village", finalisation.AllocatedBytes / (double)villages, "bytes");
        Report.Figure($"{store.Name}: GC pauses during finalisation ({GC.CollectionCount(2) - gen2} full)", finalisation.GcPaused.TotalSeconds, "s");
    }

    /// <summary>Moves the clock to <paramref name="until"/> and waits for the idle sweeps it set off to finish.</summary>
    private static async Task SettleAsync(TestSilo silo, ManualTimeProvider clock, DateTimeOffset until)
    {
        clock.Advance(until - clock.GetUtcNow());
        var count = -1;
        while ((await silo.ActivationCountAsync()) != count)
        {
            count = (await silo.ActivationCountAsync());
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// How often every district not yet done is asked: often enough to time a 5 s target, seldom enough that the
    /// asking (700 districts) does not compete with the work it times, as it did every 20 ms.
    /// </summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private static async Task UntilFinalAsync(IGrainFactory grains, IReadOnlyList<DistrictRoster> nation)
    {
        var pending = nation.Select(district => grains.GetGrain<IDistrictGrain>(district.Key)).ToList();
        while (pending.Count > 0)
        {
            var summaries = await Task.WhenAll(pending.Select(district => district.GetNightSummaryAsync(GridSilo.Night)));
            pending = [.. pending.Where((_, index) => summaries[index].Totals.Pending > 0)];
            if (pending.Count > 0)
            {
                await Task.Delay(PollEvery);
            }
        }
    }
}
