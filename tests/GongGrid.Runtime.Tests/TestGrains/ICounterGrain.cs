using GongGrid.Runtime;

namespace GongGrid.Runtime.Tests.TestGrains;

/// <summary>A counter whose value is persisted; the shared test grain for calls, state and lifecycle.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    /// <summary>Changes the value without writing it: only deactivation can save it.</summary>
    Task IncrementWithoutSavingAsync();

    ValueTask<int> GetAsync();

    /// <summary>Yields before incrementing, so the turn ends on another thread than it began.</summary>
    Task IncrementAfterYieldAsync();

    Task<int> GetActivationCountAsync();

    Task FailAsync(string message);

    /// <summary>Throws before returning a task when <paramref name="divisor"/> is 0.</summary>
    Task<int> DivideAsync(int divisor);

    /// <summary>Waits in real time while holding the turn, recording how many turns overlapped.</summary>
    Task<int> HoldTurnAsync(TimeSpan duration);

    /// <summary>Calls another counter and returns its value after incrementing it.</summary>
    Task<int> IncrementOtherAsync(string otherKey);

    Task DeactivateAsync();
}
