using GongGrid.Grains.Storage;

namespace GongGrid.Benchmarks.BenchGrains;

/// <summary>A small persistent state, about what a village keeps between nights.</summary>
[GenerateSerializer, Alias("gonggrid.bench.QueryState")]
public sealed class QueryState
{
    [Id(0)]
    public int Strikes { get; set; }

    [Id(1)]
    public DateTimeOffset? LastStrikeAt { get; set; }
}

[GrainType("query")]
public sealed class QueryGrain([PersistentState("query", GridStore.Name)] IPersistentState<QueryState> query) : Grain, IQueryGrain
{
    public ValueTask<int> GetStrikesAsync() => ValueTask.FromResult(query.State.Strikes);

    // Task.FromResult caches small integers, so this measures the runtime rather than the grain.
    public Task<int> GetStrikesTaskAsync() => Task.FromResult(query.State.Strikes);

    public async Task<int> GetStrikesAfterYieldAsync()
    {
        await Task.Yield();
        return query.State.Strikes;
    }
}
