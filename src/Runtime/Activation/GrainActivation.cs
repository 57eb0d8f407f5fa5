using GongGrid.Runtime.Hosting;
using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Activation;

/// <summary>
/// One live grain: its queue of turns and its lifecycle. Turns run one at a time; a call that finds the
/// activation idle runs inline on the caller's thread (no queueing, no lock, no allocation when it completes
/// synchronously), otherwise it waits in the queue.
/// </summary>
/// <remarks>
/// Whoever moves <see cref="_turn"/> from idle to busy owns the turn and must end it with <see cref="EndTurn"/>.
/// The activation is idle only while valid: it is busy from birth until activated, and stays busy for good once
/// deactivated, so claiming the turn is all an inline call has to do. The queue is guarded by locking the
/// activation itself (internal, never handed out), which costs no extra object per activation.
/// </remarks>
internal sealed partial class GrainActivation
{
    private const int Idle = 0;
    private const int Busy = 1;

    private int _turn = Busy; // the activation turn is owed from birth: calls queue behind it
    private int _queueLength;
    private Queue<WorkItem>? _queue;
    private volatile ActivationState _state = ActivationState.Activating;
    private DeactivationReason? _pendingDeactivation;
    private Grain? _grain;
    private int _lastUsedSweep;
    private Action? _endTurn;

    public GrainActivation(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
        Touch();
    }

    public GrainId GrainId { get; }

    public GrainRuntime Runtime { get; }

    public Grain Grain => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    /// <summary>True once gone for good; a reference holding it must look the grain up again.</summary>
    public bool IsDeactivated => _state == ActivationState.Deactivated;

    /// <summary>Calls a grain method: inline when idle, queued otherwise.</summary>
    public Task Call<TResult>(Func<object, object?[], Task> invoke, object?[] arguments)
    {
        var caller = CallChain.Current;
        Touch();
        if (TryClaimTurn())
        {
            var turn = RunTurn(caller, static (activation, state) => state.invoke(activation.Grain, state.arguments), (invoke, arguments));
            if (turn.IsCompleted)
            {
                EndTurn();
            }
            else
            {
                // Ends the turn on the thread that completes it: no thread-pool hop, no allocation after the first.
                turn.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_endTurn ??= EndTurn);
            }
            return turn;
        }
        var call = new QueuedCall<TResult>(invoke, arguments, caller);
        Enqueue(call);
        return call.Task;
    }

    /// <summary>Queues a turn; starts it at once when the activation is idle.</summary>
    public void Enqueue(WorkItem item)
    {
        if (TryClaimTurn())
        {
            Pump(item);
            return;
        }
        bool deactivated;
        lock (this)
        {
            deactivated = _state == ActivationState.Deactivated;
            if (!deactivated)
            {
                if (item.Caller?.Contains(this) == true)
                {
                    item.Reject(new GrainCallCycleException(GrainId, item.Caller.GrainIds()));
                    return;
                }
                (_queue ??= new Queue<WorkItem>()).Enqueue(item);
                Interlocked.Increment(ref _queueLength);
            }
        }
        if (deactivated)
        {
            Redirect(item); // outside the lock: the next activation may run the item inline
            return;
        }
        // The turn may have ended between the failed claim and the enqueue without seeing the item: take it over.
        if (TryClaimTurn())
        {
            EndTurn();
        }
    }

    /// <summary>Called by the directory right after creation: the activation turn goes first.</summary>
    public void Start() => Pump(new ActivateWork());

    /// <summary>Deactivates if no call came since sweep <paramref name="idleUpTo"/> of the idle clock; used by idle collection.</summary>
    public bool TryCollect(int idleUpTo)
    {
        if (Volatile.Read(ref _lastUsedSweep) > idleUpTo || !TryClaimTurn())
        {
            return false;
        }
        Pump(new DeactivateWork(DeactivationReason.Idle));
        return true;
    }

    /// <summary>Deactivates after the queued turns; the returned task completes when it is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        var work = new DeactivateWork(reason);
        Enqueue(work);
        return work.Completion;
    }

    public void RequestDeactivation(DeactivationReason reason) => _pendingDeactivation = reason;

    public void Touch() => Volatile.Write(ref _lastUsedSweep, Runtime.Directory.IdleClock.Now);

    private bool TryClaimTurn() => Interlocked.CompareExchange(ref _turn, Busy, Idle) == Idle;

    private Task RunTurn<TState>(CallChain? caller, Func<GrainActivation, TState, Task> start, TState state)
    {
        var previous = CallChain.Enter(this, caller);
        try
        {
            return start(this, state);
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
        finally
        {
            CallChain.Restore(previous);
        }
    }

    /// <summary>Runs <paramref name="item"/> and then the queue, until it is empty or a turn goes asynchronous.</summary>
    private void Pump(WorkItem item)
    {
        while (true)
        {
            var turn = RunTurn(item.Caller, static (activation, work) => work.Start(activation), item);
            if (!turn.IsCompleted)
            {
                turn.ContinueWith(static (finished, state) =>
                {
                    var (activation, work) = ((GrainActivation, WorkItem))state!;
                    work.Finish(activation, finished);
                    activation.EndTurn();
                }, (this, item), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            }
            item.Finish(this, turn);
            if (TakeNext() is not { } next)
            {
                return;
            }
            item = next;
        }
    }

    private void EndTurn()
    {
        if (TakeNext() is { } next)
        {
            Pump(next);
        }
    }

    /// <summary>Called by the owner of the turn: returns the next work to run, or gives the turn up and returns null.</summary>
    private WorkItem? TakeNext()
    {
        if (_state == ActivationState.Deactivated)
        {
            return null; // busy for good: late work is redirected by Enqueue
        }
        if (_state == ActivationState.Valid && _pendingDeactivation is { } reason)
        {
            _pendingDeactivation = null;
            return new DeactivateWork(reason);
        }
        while (true)
        {
            if (Dequeue() is { } queued)
            {
                return queued;
            }
            Interlocked.Exchange(ref _turn, Idle);
            // Work queued after the look but before the turn went idle: whoever claims the turn first runs it.
            if (Volatile.Read(ref _queueLength) == 0 || !TryClaimTurn())
            {
                return null;
            }
        }
    }

    private WorkItem? Dequeue()
    {
        if (Volatile.Read(ref _queueLength) == 0)
        {
            return null;
        }
        lock (this)
        {
            if (_queue is not { Count: > 0 } queue)
            {
                return null;
            }
            Interlocked.Decrement(ref _queueLength);
            return queue.Dequeue();
        }
    }

    /// <summary>Sends work that arrived after deactivation to the grain's next activation.</summary>
    private void Redirect(WorkItem item)
    {
        if (item.FollowsGrain)
        {
            Runtime.Directory.GetOrCreate(GrainId).Enqueue(item);
        }
        else
        {
            item.Reject(new InvalidOperationException($"{GrainId} was deactivated."));
        }
    }
}
