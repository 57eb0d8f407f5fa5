using GongGrid.Runtime.Hosting;
using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Activation;

/// <summary>
/// One live grain: its queue of turns and its lifecycle. Turns run one at a time; a call that finds the
/// activation idle runs inline on the caller's thread (no queueing, no allocation when it completes
/// synchronously), otherwise it waits in the queue.
/// </summary>
internal sealed partial class GrainActivation
{
    private readonly Lock _lock = new();
    private Queue<WorkItem>? _queue;
    private bool _running = true; // the activation turn is owed from birth: calls queue behind it
    private ActivationState _state = ActivationState.Activating;
    private DeactivationReason? _pendingDeactivation;
    private Grain? _grain;
    private long _lastUsedTimestamp;

    public GrainActivation(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
        _lastUsedTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainRuntime Runtime { get; }

    public Grain Grain => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    /// <summary>Calls a grain method: inline when idle, queued otherwise.</summary>
    public Task Call<TResult>(Func<object, object?[], Task> invoke, object?[] arguments)
    {
        var caller = CallChain.Current;
        Touch();
        if (TryBeginInlineTurn())
        {
            var turn = RunTurn(caller, static (activation, state) => state.invoke(activation.Grain, state.arguments), (invoke, arguments));
            if (turn.IsCompleted)
            {
                EndTurn();
            }
            else
            {
                turn.ContinueWith(static (_, state) => ((GrainActivation)state!).EndTurn(), this, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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
        lock (_lock)
        {
            if (_state == ActivationState.Deactivated)
            {
                Redirect(item);
                return;
            }
            if (_running)
            {
                if (item.Caller?.Contains(this) == true)
                {
                    item.Reject(new GrainCallCycleException(GrainId, item.Caller.GrainIds()));
                    return;
                }
                (_queue ??= new Queue<WorkItem>()).Enqueue(item);
                return;
            }
            _running = true;
        }
        Pump(item);
    }

    /// <summary>Called by the directory right after creation: the activation turn goes first.</summary>
    public void Start() => Pump(new ActivateWork());

    /// <summary>Deactivates if no call came for longer than <paramref name="idleAge"/>; used by idle collection.</summary>
    public bool TryCollect(TimeSpan idleAge)
    {
        lock (_lock)
        {
            if (_running || _state != ActivationState.Valid || Runtime.TimeProvider.GetElapsedTime(_lastUsedTimestamp) < idleAge)
            {
                return false;
            }
            _running = true;
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

    public void Touch() => _lastUsedTimestamp = Runtime.TimeProvider.GetTimestamp();

    private bool TryBeginInlineTurn()
    {
        lock (_lock)
        {
            if (_running || _state != ActivationState.Valid)
            {
                return false;
            }
            _running = true;
            return true;
        }
    }

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
                }, (this, item), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                return;
            }
            item.Finish(this, turn);
            if (!TryTakeNext(out item))
            {
                return;
            }
        }
    }

    private void EndTurn()
    {
        if (TryTakeNext(out var next))
        {
            Pump(next);
        }
    }

    private bool TryTakeNext(out WorkItem next)
    {
        lock (_lock)
        {
            if (_state == ActivationState.Valid && _pendingDeactivation is { } reason)
            {
                _pendingDeactivation = null;
                next = new DeactivateWork(reason);
                return true;
            }
            if (_queue is { Count: > 0 } queue)
            {
                next = queue.Dequeue();
                return true;
            }
            _running = false;
            next = null!;
            return false;
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
