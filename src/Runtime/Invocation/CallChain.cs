using GongGrid.Runtime.Activation;

namespace GongGrid.Runtime.Invocation;

/// <summary>
/// The activations whose turns are waiting, in this logical flow, on the call being made. If the target of a
/// call is busy and already in the chain, the call could never run: that is a deadlock, reported at once.
/// </summary>
internal sealed class CallChain(GrainActivation activation, CallChain? parent)
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    public static CallChain? Current => CurrentChain.Value;

    public GrainActivation Activation { get; } = activation;

    public CallChain? Parent { get; } = parent;

    public bool Contains(GrainActivation activation)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (ReferenceEquals(link.Activation, activation))
            {
                return true;
            }
        }
        return false;
    }

    public IEnumerable<GrainId> GrainIds()
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            yield return link.Activation.GrainId;
        }
    }

    /// <summary>Marks the start of a turn of <paramref name="activation"/>; returns the chain to restore afterwards.</summary>
    public static CallChain? Enter(GrainActivation activation, CallChain? caller)
    {
        var previous = CurrentChain.Value;
        CurrentChain.Value = new CallChain(activation, caller);
        return previous;
    }

    public static void Restore(CallChain? previous) => CurrentChain.Value = previous;
}
