namespace GongGrid.Benchmarks.BenchGrains;

/// <summary>A grain answering questions from live state: the shape of most calls a district makes.</summary>
[Alias("gonggrid.bench.IQueryGrain")]
public interface IQueryGrain : IGrainWithStringKey
{
    /// <summary>Completes synchronously through <see cref="ValueTask{TResult}"/>: no allocation in the grain.</summary>
    ValueTask<int> GetStrikesAsync();

    /// <summary>Completes synchronously through a cached <see cref="Task{TResult}"/>.</summary>
    Task<int> GetStrikesTaskAsync();

    /// <summary>Yields once before answering, so the turn goes through the asynchronous path.</summary>
    Task<int> GetStrikesAfterYieldAsync();
}
