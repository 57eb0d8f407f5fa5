using System.Net.Http.Headers;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Silo.Api.Security;
using GongGrid.Simulator;
using GongGrid.Testing.Network;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `orleans-dashboard` scenario: what the Orleans Dashboard costs the silo during the 22:00 burst. The same burst
/// as api-ingest (a peace round from every gong village, through IngestService, 4 bridge streams) on a smaller nation,
/// on fresh in-memory grids with the dashboard off, on with nobody watching (every grain call is profiled and the
/// counters are sampled each second), and on with its page open (its three overview calls polled each second, as
/// the page does). The three take turns, so the machine's other load falls on each alike; the first grid warms up.
/// </summary>
internal static class OrleansDashboardCostBenchmark
{
    private const int Districts = 40;
    private const int Seed = 4_000;
    private const int Passes = 5;

    private static readonly string[] PagePolls = ["DashboardCounters", "ClusterStats", "TopGrainMethods"];

    private enum Dashboard
    {
        Off,
        On,
        Watched,
    }

    public static async Task RunAsync()
    {
        Report.Heading("orleans-dashboard: the 22:00 burst through IngestService with the Orleans Dashboard off, on, and on with its page open");
        var nation = SyntheticNation.Create(Districts, 10, 10, 10, Seed);
        var rounds = PeaceRounds.Plan(nation, GridSilo.PeaceTime);
        var bridges = Enumerable.Range(0, 4).Select(stream => ApiIngestBenchmark.Bridge.Plan(stream, nation, rounds)).ToList();
        var events = bridges.Sum(bridge => bridge.Events);
        var admin = new ApiCaller(TokenHash.NewToken(), CallerRole.Admin, [nation[0].Key]);
        Console.WriteLine($"  {events:N0} strikes from {rounds.Count:N0} of {nation.Count * 100:N0} villages; {Passes} passes of each, in turns");

        await RunOnceAsync(Dashboard.Off, nation, bridges, admin);
        var results = Enum.GetValues<Dashboard>().ToDictionary(dashboard => dashboard, _ => new List<ProcessCost>());
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var dashboard in Enum.GetValues<Dashboard>())
            {
                results[dashboard].Add(await RunOnceAsync(dashboard, nation, bridges, admin));
            }
        }

        foreach (var (dashboard, costs) in results)
        {
            var rates = costs.Select(cost => events / cost.Elapsed.TotalSeconds).ToList();
            var cpu = costs.Select(cost => cost.Cpu.TotalMicroseconds / events).ToList();
            Report.Figure($"{Label(dashboard)}: ingest", Report.Median(rates), "events/s", rates);
            Report.Figure("  CPU per event (this process: silo and bridges)", Report.Median(cpu), "µs", cpu);
        }
    }

    private static async Task<ProcessCost> RunOnceAsync(Dashboard dashboard, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<ApiIngestBenchmark.Bridge> bridges, ApiCaller admin)
    {
        var port = FreeTcpPort.Next();
        string[] settings = dashboard == Dashboard.Off ? [] : [$"--GongGrid:OrleansDashboard:Listen=http://127.0.0.1:{port}"];
        await using var grid = await ApiIngestBenchmark.StartAsync(sqlite: false, nation, bridges, [admin], settings);
        using var watching = new CancellationTokenSource();
        var page = dashboard == Dashboard.Watched ? WatchAsync(new Uri($"http://127.0.0.1:{port}/"), admin.Token, watching.Token) : Task.CompletedTask;
        var cost = await ProcessCost.MeasureAsync(() => ApiIngestBenchmark.SendAsync(grid, bridges, bridge => bridge.Strikes, Disposition.Applied));
        await watching.CancelAsync();
        await page;
        return cost;
    }

    /// <summary>What an open overview page asks, every second, until cancelled.</summary>
    private static async Task WatchAsync(Uri dashboard, string token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var poll in PagePolls)
                {
                    using var response = await http.GetAsync(poll, cancellationToken);
                    response.EnsureSuccessStatusCode();
                }
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the burst is over
        }
    }

    private static string Label(Dashboard dashboard) => dashboard switch
    {
        Dashboard.Off => "dashboard off",
        Dashboard.On => "dashboard on, nobody watching",
        _ => "dashboard on, page open",
    };
}
