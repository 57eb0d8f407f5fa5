using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `ingest` scenario: the 22:00 burst, a full peace round from every gong village of 10,000 at once, through
/// <see cref="DeviceEventIngest"/> (device grain, village grain with its signals write, commune and district when a
/// provisional outcome changes). Each run imports a fresh grid; the first in-memory run warms up.
/// </summary>
internal static class IngestBurstBenchmark
{
    private const int Runs = 3;
    private const int Seed = 22;

    public static async Task RunAsync()
    {
        Report.Heading($"ingest: 22:00 burst of peace rounds, {PeaceRounds.Senders} concurrent senders");
        var nation = SyntheticNation.Create(100, 10, 10, 10, Seed);
        foreach (var sqlite in new[] { false, true })
        {
            var costs = new List<ProcessCost>();
            var name = "";
            var strikes = 0;
            for (var run = sqlite ? 1 : 0; run <= Runs; run++)
            {
                await using var store = BenchStore.Open(sqlite);
                (strikes, var cost) = await MeasureAsync(nation, store);
                name = store.Name;
                if (run > 0)
                {
                    costs.Add(cost);
                }
            }
            var rates = costs.Select(cost => strikes / cost.Elapsed.TotalSeconds).ToList();
            Report.Figure($"strikes/s, {name} ({strikes:N0} strikes, {nation.Count * 100:N0} villages)", Report.Median(rates), "/s", rates);
            var cpu = costs.Select(cost => cost.Cpu.TotalMicroseconds / strikes).ToList();
            Report.Figure("  CPU per strike", Report.Median(cpu), "µs", cpu);
            var allocated = costs.Select(cost => (double)cost.AllocatedBytes / strikes).ToList();
            Report.Figure("  allocated per strike", Report.Median(allocated), "bytes", allocated);
        }
    }

    private static async Task<(int Strikes, ProcessCost Cost)> MeasureAsync(IReadOnlyList<DistrictRoster> nation, BenchStore store)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddMinutes(-5));
        await using var silo = await GridSilo.StartAsync(store, clock);
        var import = new RosterImport(silo.GrainFactory);
        foreach (var district in nation)
        {
            await import.ApplyAsync(district);
        }
        clock.Advance(GridSilo.PeaceTime - clock.GetUtcNow());
        var rounds = PeaceRounds.Plan(nation, GridSilo.PeaceTime);
        var applied = 0;
        var cost = await ProcessCost.MeasureAsync(async () => applied = await PeaceRounds.SendAsync(new DeviceEventIngest(silo.GrainFactory), rounds));
        return (applied, cost);
    }
}
