using System.Reflection;
using GongGrid.Runtime.Hosting;

namespace GongGrid.Runtime.Invocation;

/// <summary>The dispatcher of one method whose result is <typeparamref name="TResult"/> (object for Task and ValueTask).</summary>
internal sealed class MethodDispatcher<TResult>(MethodInfo method, ReturnShape shape, Func<object, object?[], Task> invoke) : MethodDispatcher
{
    public override object Dispatch(GrainProxy proxy, object?[] arguments)
    {
        var (runtime, target) = (proxy.Runtime, proxy.GrainId);
        var call = proxy.Activation().Call<TResult>(invoke, arguments);
        return shape switch
        {
            ReturnShape.Task => call.IsCompleted ? call : WithTimeout(runtime, target, call),
            ReturnShape.ValueTask => call.IsCompleted ? new ValueTask(call) : new ValueTask(WithTimeout(runtime, target, call)),
            ReturnShape.TaskOfResult => call.IsCompleted ? call : WithTimeout(runtime, target, (Task<TResult>)call),
            _ => new ValueTask<TResult>(call.IsCompleted ? (Task<TResult>)call : WithTimeout(runtime, target, (Task<TResult>)call)),
        };
    }

    private async Task WithTimeout(GrainRuntime runtime, GrainId target, Task call)
    {
        try
        {
            await call.WaitAsync(runtime.Options.CallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new GrainCallTimeoutException(target, method.Name, runtime.Options.CallTimeout);
        }
    }

    private async Task<TResult> WithTimeout(GrainRuntime runtime, GrainId target, Task<TResult> call)
    {
        try
        {
            return await call.WaitAsync(runtime.Options.CallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new GrainCallTimeoutException(target, method.Name, runtime.Options.CallTimeout);
        }
    }
}
