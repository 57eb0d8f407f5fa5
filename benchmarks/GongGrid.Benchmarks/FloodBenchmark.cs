using System.Diagnostics;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `flood` scenario: one faulty gong strikes 5,000 times in an evening, in batches of 1,000, on SQLite. A working
/// gong strikes nine times a night; what matters is that each batch of the flood costs what the first did, however
/// many strikes came before it (strikes past the village's limit are refused as a fault, not kept).
/// </summary>
internal static class FloodBenchmark
{
    private const int Batches = 5;
    private const int BatchSize = 1_000;

    public static async Task RunAsync()
    {
        Report.Heading($"flood: one gong striking {Batches * BatchSize:N0} times, batches of {BatchSize:N0}, SQLite");
        var district = SyntheticNation.Create(1, 10, 10, 10, seed: 5)[0];
        var gong = PeaceRounds.Plan([district], GridSilo.PeaceTime)[0].DeviceKey;
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddHours(-1));
        await using var store = BenchStore.Open(sqlite: true);
        await using var silo = await GridSilo.StartAsync(store, clock);
        await new RosterImport(silo.GrainFactory).ApplyAsync(district);
        var ingest = new DeviceEventIngest(silo.GrainFactory);

        for (var batch = 0; batch < Batches; batch++)
        {
            var (applied, refused) = (0, 0);
            var stopwatch = Stopwatch.StartNew();
            for (var index = batch * BatchSize; index < (batch + 1) * BatchSize; index++)
            {
                // Two seconds apart: one long run of strikes, no alarm pattern, all within the evening.
                var strike = new StrikeEvent($"flood-{index}", GridSilo.PeaceTime.AddHours(-1).AddSeconds(2 * index), index + 1);
                try
                {
                    await ingest.IngestAsync(gong, strike);
                    applied++;
                }
                catch (DeviceFloodingException)
                {
                    refused++;
                }
            }
            Report.Figure($"batch {batch + 1}: {applied:N0} applied, {refused:N0} refused as a flood", stopwatch.Elapsed.TotalMilliseconds, "ms");
        }
    }
}
