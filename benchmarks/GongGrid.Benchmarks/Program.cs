using GongGrid.Benchmarks;

// Printed figures, not timed tests: `dotnet run -c Release --project benchmarks/GongGrid.Benchmarks -- <scenario>`.
var scenarios = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["runtime"] = RuntimeBenchmark.RunAsync,
    ["village-memory"] = VillageMemoryBenchmark.RunAsync,
    ["ingest"] = IngestBurstBenchmark.RunAsync,
    ["national-night"] = NationalNightBenchmark.RunAsync,
    ["flood"] = FloodBenchmark.RunAsync,
    ["api-night-summary"] = ApiNightSummaryBenchmark.RunAsync,
    ["api-ingest"] = ApiIngestBenchmark.RunAsync,
    ["orleans-dashboard"] = OrleansDashboardCostBenchmark.RunAsync,
    ["journal"] = JournalBenchmark.RunAsync,
    ["mqtt-publish"] = MqttPublishBenchmark.RunAsync,
    ["mqtt-e2e"] = EndToEndBurstBenchmark.RunAsync,
    ["broker-kill"] = BrokerKillBenchmark.RunAsync,
    ["cluster"] = ClusterBenchmark.RunAsync,
    ["cluster-failover"] = ClusterBenchmark.RunFailoverAsync,
    ["cluster-placement"] = PlacementBenchmark.RunAsync,
};

var name = args.FirstOrDefault() ?? "all";
if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
{
    foreach (var scenario in scenarios.Values)
    {
        await scenario();
    }
}
else if (scenarios.TryGetValue(name, out var scenario))
{
    await scenario();
}
else
{
    Console.Error.WriteLine($"Unknown scenario '{name}'. Known: {string.Join(", ", scenarios.Keys)}, all.");
    return 1;
}
return 0;
