using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Activation;

/// <summary>A grain method call that had to wait for its turn; its caller holds <see cref="Task"/>.</summary>
internal sealed class QueuedCall<TResult>(Func<object, object?[], Task> invoke, object?[] arguments, CallChain? caller)
    : WorkItem(caller)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override Task Start(GrainActivation activation) => invoke(activation.Grain, arguments);

    public override void Finish(GrainActivation activation, Task turn)
    {
        if (turn.IsFaulted)
        {
            _completion.TrySetException(turn.Exception!.InnerExceptions);
        }
        else if (turn.IsCanceled)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetResult(turn is Task<TResult> typed ? typed.Result : default!);
        }
    }

    public override void Reject(Exception error) => _completion.TrySetException(error);
}
