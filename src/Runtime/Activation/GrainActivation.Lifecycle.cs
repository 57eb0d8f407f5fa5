using GongGrid.Runtime.Persistence;
using GongGrid.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace GongGrid.Runtime.Activation;

/// <summary>Activation and deactivation turns: construct the grain, read its state, and on the way out write what changed.</summary>
internal sealed partial class GrainActivation : IStateOwner
{
    private IPersistentStateLifecycle[] _states = [];
    private List<GrainTimer>? _timers;
    private bool _stateIsStale;

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        (_timers ??= []).Add(timer);
        return timer;
    }

    internal void ForgetTimer(GrainTimer timer) => _timers?.Remove(timer);

    private async Task ActivateAsync()
    {
        var (grain, states) = Runtime.Registry.ClassOf(GrainId.Type).Create(GrainId, Runtime.Services, Runtime.Json, this);
        grain.Attach(this);
        _grain = grain;
        foreach (var state in states)
        {
            await state.ReadStateAsync().ConfigureAwait(false);
        }
        _states = states;
        await grain.OnActivateAsync(Runtime.Stopping).ConfigureAwait(false);
    }

    private void OnActivated(Task activation)
    {
        if (activation.IsCompletedSuccessfully)
        {
            _state = ActivationState.Valid;
            return;
        }
        var error = new InvalidOperationException($"Activation of {GrainId} failed: {activation.Exception?.GetBaseException().Message}", activation.Exception?.GetBaseException());
        Runtime.Logger.LogError(error.InnerException, "Activation of {GrainId} failed", GrainId);
        foreach (var waiting in Retire())
        {
            waiting.Reject(error);
        }
    }

    private async Task DeactivateCoreAsync(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        foreach (var timer in _timers?.ToArray() ?? [])
        {
            timer.Dispose();
        }
        try
        {
            await Grain.OnDeactivateAsync(reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Runtime.Logger.LogError(error, "OnDeactivateAsync of {GrainId} failed", GrainId);
        }
        foreach (var state in _stateIsStale ? [] : _states)
        {
            try
            {
                await state.WriteIfChangedAsync().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                Runtime.Logger.LogError(error, "Writing unsaved state of {GrainId} at deactivation failed", GrainId);
            }
        }
    }

    /// <summary>A state write failed: memory may be ahead of storage, so drop it unsaved after this turn.</summary>
    public void OnStateWriteFailed()
    {
        _stateIsStale = true;
        RequestDeactivation(DeactivationReason.StateWriteFailed);
    }

    private void OnDeactivated()
    {
        foreach (var waiting in Retire())
        {
            Redirect(waiting);
        }
    }

    /// <summary>Marks the activation gone, removes it from the directory and hands back the work still queued.</summary>
    private WorkItem[] Retire()
    {
        WorkItem[] waiting;
        lock (this)
        {
            _state = ActivationState.Deactivated;
            waiting = _queue?.ToArray() ?? [];
            _queue = null;
            Volatile.Write(ref _queueLength, 0);
        }
        Runtime.Directory.Remove(this);
        return waiting;
    }

    private sealed class ActivateWork() : WorkItem(null)
    {
        public override Task Start(GrainActivation activation) => activation.ActivateAsync();

        public override void Finish(GrainActivation activation, Task turn) => activation.OnActivated(turn);

        public override void Reject(Exception error)
        {
        }
    }

    private sealed class DeactivateWork(DeactivationReason reason) : WorkItem(null)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion => _completion.Task;

        public override bool FollowsGrain => false;

        public override Task Start(GrainActivation activation) => activation.DeactivateCoreAsync(reason);

        public override void Finish(GrainActivation activation, Task turn)
        {
            activation.OnDeactivated();
            _completion.TrySetResult();
        }

        // Already gone: nothing left to deactivate.
        public override void Reject(Exception error) => _completion.TrySetResult();
    }
}
