using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Activation;

/// <summary>One turn waiting in an activation's queue: a call, a timer tick, activation or deactivation.</summary>
internal abstract class WorkItem(CallChain? caller)
{
    /// <summary>The chain of turns waiting on this item; used to detect call cycles.</summary>
    public CallChain? Caller { get; } = caller;

    /// <summary>Starts the turn on the grain and returns the task whose completion ends the turn.</summary>
    public abstract Task Start(GrainActivation activation);

    /// <summary>Reports the turn's result to whoever waits for it.</summary>
    public abstract void Finish(GrainActivation activation, Task turn);

    /// <summary>Fails the item without running it.</summary>
    public abstract void Reject(Exception error);

    /// <summary>False for work that must not follow the grain to a new activation (timer ticks, deactivation).</summary>
    public virtual bool FollowsGrain => true;
}
