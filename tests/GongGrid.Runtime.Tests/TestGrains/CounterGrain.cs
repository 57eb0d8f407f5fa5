using GongGrid.Runtime.Persistence;

namespace GongGrid.Runtime.Tests.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }
}

[GrainType("counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    private static int _activations;
    private int _turnsInside;
    private int _maxTurnsInside;

    public static int Activations => Volatile.Read(ref _activations);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _activations);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task IncrementWithoutSavingAsync()
    {
        counter.State.Value++;
        return Task.CompletedTask;
    }

    public async Task IncrementAfterYieldAsync()
    {
        await Task.Yield();
        counter.State.Value++;
    }

    public ValueTask<int> GetAsync() => ValueTask.FromResult(counter.State.Value);

    public Task<int> GetActivationCountAsync() => Task.FromResult(Activations);

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task<int> DivideAsync(int divisor) => Task.FromResult(counter.State.Value / divisor);

    public async Task<int> HoldTurnAsync(TimeSpan duration)
    {
        _turnsInside++;
        _maxTurnsInside = Math.Max(_maxTurnsInside, _turnsInside);
        await Task.Delay(duration);
        _turnsInside--;
        return _maxTurnsInside;
    }

    public Task<int> IncrementOtherAsync(string otherKey) => GrainFactory.GetGrain<ICounterGrain>(otherKey).IncrementAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
