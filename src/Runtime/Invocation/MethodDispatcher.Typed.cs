using System.Reflection;
using GongGrid.Runtime.Hosting;

namespace GongGrid.Runtime.Invocation;

/// <summary>The dispatcher of one method whose result is <typeparamref name="TResult"/> (object for Task and ValueTask).</summary>
internal sealed class MethodDispatcher<TResult> : MethodDispatcher
{
    private readonly MethodInfo _method;
    private readonly ReturnShape _shape;
    private readonly Func<object, object?[], Task> _invoke;
    private readonly Func<object, object?[], Task> _invokeOrFault;

    public MethodDispatcher(MethodInfo method, ReturnShape shape, Func<object, object?[], Task> invoke)
    {
        _method = method;
        _shape = shape;
        _invoke = invoke;
        _invokeOrFault = InvokeOrFault;
    }

    public override object Dispatch(GrainProxy proxy, object?[] arguments)
    {
        var (runtime, target) = (proxy.Runtime, proxy.GrainId);
        var call = proxy.Activation().Call<TResult>(_invokeOrFault, arguments);
        return _shape switch
        {
            ReturnShape.Task => call.IsCompleted ? call : WithTimeout(runtime, target, call),
            ReturnShape.ValueTask => call.IsCompleted ? new ValueTask(call) : new ValueTask(WithTimeout(runtime, target, call)),
            ReturnShape.TaskOfResult => call.IsCompleted ? call : WithTimeout(runtime, target, (Task<TResult>)call),
            _ => new ValueTask<TResult>(call.IsCompleted ? (Task<TResult>)call : WithTimeout(runtime, target, (Task<TResult>)call)),
        };
    }

    /// <summary>A method that throws before returning its task still hands its caller a task of the right type.</summary>
    private Task InvokeOrFault(object grain, object?[] arguments)
    {
        try
        {
            return _invoke(grain, arguments);
        }
        catch (Exception error) when (_shape is ReturnShape.TaskOfResult or ReturnShape.ValueTaskOfResult)
        {
            return Task.FromException<TResult>(error);
        }
    }

    private async Task WithTimeout(GrainRuntime runtime, GrainId target, Task call)
    {
        try
        {
            await call.WaitAsync(runtime.Options.CallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new GrainCallTimeoutException(target, _method.Name, runtime.Options.CallTimeout);
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
            throw new GrainCallTimeoutException(target, _method.Name, runtime.Options.CallTimeout);
        }
    }
}
