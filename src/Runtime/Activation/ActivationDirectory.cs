using System.Collections.Concurrent;
using GongGrid.Runtime.Hosting;

namespace GongGrid.Runtime.Activation;

/// <summary>The live activations of this silo: at most one per grain id.</summary>
internal sealed class ActivationDirectory(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    public int Count => _activations.Count;

    public IdleClock IdleClock { get; } = new(runtime.TimeProvider);

    public GrainActivation GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }
        runtime.Placement.EnsureLocal(grainId);
        var created = new GrainActivation(grainId, runtime);
        var winner = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created))
        {
            created.Start();
        }
        return winner;
    }

    public void Remove(GrainActivation activation) => _activations.TryRemove(new(activation.GrainId, activation));

    /// <summary>Collects every activation that has been idle for at least <paramref name="idleAge"/>.</summary>
    public int CollectIdle(TimeSpan idleAge)
    {
        var idleUpTo = IdleClock.Advance(idleAge);
        return _activations.Values.Count(activation => activation.TryCollect(idleUpTo));
    }

    public Task DeactivateAllAsync(DeactivationReason reason) =>
        Task.WhenAll(_activations.Values.Select(activation => activation.DeactivateAsync(reason)));
}
