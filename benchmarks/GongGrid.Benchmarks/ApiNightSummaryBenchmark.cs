using System.Diagnostics;
using System.Runtime;
using GongGrid.Api.V1;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Rules;
using GongGrid.Silo.Api.Security;
using GongGrid.Simulator;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `api-night-summary` scenario: 70,000 villages on one silo on the SQLite default (so grain state is held once,
/// by the activations, not also by an in-memory store) with the gRPC API on loopback (h2c), half the gong
/// villages struck on time at 22:00, then GetNightSummary for one district (100 villages) from concurrent callers, as
/// dashboards would poll it. Beside it, the same night in the plain SQL a user would write instead: a table of
/// strikes with an index, and COUNT(DISTINCT village_key) over the on-time window for that district.
/// </summary>
internal static class ApiNightSummaryBenchmark
{
    private const int Districts = 700;
    private const int Seed = 22_000;
    private const int StrikeEveryNth = 2;
    private const string Token = "bench-district-police";
    private static readonly int[] Callers = [1, 16];
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task RunAsync()
    {
        Report.Heading("api-night-summary: GetNightSummary over gRPC (grpc-dotnet) at 70,000 villages vs plain SQL (targets: p99 under 1 ms from 1 caller, under 5 ms from 16)");
        var nation = SyntheticNation.Create(Districts, 10, 10, 10, Seed);
        var district = nation[Districts / 2];
        var clock = new ManualTimeProvider(GridSilo.PeaceTime);
        await using var grid = await ApiGrid.StartAsync(sqlite: true, clock, [new ApiCaller(Token, CallerRole.DistrictPolice, [district.Key])]);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(nation, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (roster, cancellationToken) => await new RosterImport(grid.Grains).ApplyAsync(roster, cancellationToken));
        Report.Figure($"import of {nation.Sum(roster => roster.Communes.Sum(commune => commune.Villages.Count)):N0} villages", stopwatch.Elapsed.TotalSeconds, "s");
        var rounds = PeaceRounds.Plan(nation, GridSilo.PeaceTime, StrikeEveryNth);
        var strikes = await PeaceRounds.SendAsync(new DeviceEventIngest(grid.Grains), rounds);
        Report.Figure($"villages struck on time ({strikes:N0} strikes)", rounds.Count, "");
        Report.Figure("live managed heap with the night loaded (target: at most 800 MB)", await LiveHeap.SettledAsync() / 1e6, "MB");
        Console.WriteLine($"  server GC {GCSettings.IsServerGC}; gen0 budget DOTNET_GCgen0size={Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "(runtime default)"}");

        using var channel = grid.Channel();
        var client = new DistrictService.DistrictServiceClient(channel);
        var request = new NightSummaryRequest { DistrictKey = district.Key, Night = "2026-11-22" };
        var summary = await client.GetNightSummaryAsync(request, ApiGrid.As(Token, TimeSpan.FromSeconds(10)));
        Func<Func<Task>> summaryCaller = () => async () => await client.GetNightSummaryAsync(request, ApiGrid.As(Token, TimeSpan.FromSeconds(10)));
        await ClosedLoop.RunAsync(Callers[^1], Warmup, summaryCaller);

        var window = NightCalendar.Window(GridSilo.Night, district.Settings);
        using var table = StrikeTable.Create(rounds.SelectMany(round => round.Strikes.Select(strike =>
            (GrainKeys.Parent(round.DeviceKey), round.DeviceKey, strike.DeviceTime))));
        Func<Func<Task>> sqlCaller = () =>
        {
            var query = table.NewQuery(district.Key, window.OnTimeFrom, window.OnTimeUntil);
            return () => query() is var count && count == summary.Totals.OnTime
                ? Task.CompletedTask
                : throw new InvalidOperationException($"SQL counts {count} villages on time in {district.Key}, the grid {summary.Totals.OnTime}.");
        };
        await ClosedLoop.RunAsync(1, Warmup, sqlCaller);
        Console.WriteLine($"  {district.Key}: {summary.Totals.OnTime} of {summary.Totals.Villages} villages on time, by the grid and by SQL alike");

        var districtGrain = grid.Grains.GetGrain<IDistrictGrain>(district.Key);
        Func<Func<Task>> grainCaller = () => () => districtGrain.GetNightSummaryAsync(GridSilo.Night);
        foreach (var callers in Callers)
        {
            var grpc = await ClosedLoop.RunAsync(callers, Duration, summaryCaller);
            var grain = await ClosedLoop.RunAsync(callers, Duration, grainCaller);
            var sql = await ClosedLoop.RunAsync(callers, Duration, sqlCaller);
            Print($"gRPC GetNightSummary, {callers} caller(s)", grpc);
            Print($"  beside it, the district grain's counts in process", grain);
            Print($"SQL COUNT(DISTINCT), {callers} caller(s)", sql);
            Report.Figure("  gRPC / SQL, p50", grpc.P50 / sql.P50, "×");
            Report.Figure("  gRPC / SQL, p99", grpc.P99 / sql.P99, "×");
        }
    }

    private static void Print(string label, LoadFigures figures)
    {
        Report.Figure(label, figures.CallsPerSecond, "calls/s");
        Report.Figure("  p50 latency", figures.P50 * 1000, "µs");
        Report.Figure("  p99 latency", figures.P99 * 1000, "µs");
        Report.Figure($"  GC pauses ({figures.Collections} collections, {figures.FullCollections} full)", figures.GcPausedMilliseconds, "ms");
        Report.Figure("  allocated per call", figures.AllocatedPerCall, "bytes");
    }
}
