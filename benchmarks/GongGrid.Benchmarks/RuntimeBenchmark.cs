namespace GongGrid.Benchmarks;

/// <summary>The `runtime` scenario: the grain runtime alone, with no domain grains and no transport.</summary>
internal static class RuntimeBenchmark
{
    public static async Task RunAsync()
    {
        Report.Heading("runtime: local grain calls (target: at least 1,000,000 calls/s)");
        await RuntimeCallBenchmark.RunAsync();
        Report.Heading("runtime: activations (target: at most 2 KB per idle village activation)");
        await ActivationBenchmark.RunAsync();
    }
}
