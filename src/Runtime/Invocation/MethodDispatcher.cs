using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace GongGrid.Runtime.Invocation;

/// <summary>
/// Turns a call on a grain interface method into a turn on the target activation. One dispatcher per method,
/// with the method call compiled once, so a call costs a delegate invocation rather than reflection.
/// </summary>
internal abstract class MethodDispatcher
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodDispatcher> Cache = new();

    public abstract object Dispatch(GrainProxy proxy, object?[] arguments);

    public static MethodDispatcher For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    /// <summary>Throws a clear error when a grain interface method cannot be called through the runtime.</summary>
    public static void Validate(MethodInfo method) => ShapeOf(method);

    private static MethodDispatcher Create(MethodInfo method)
    {
        var (shape, resultType) = ShapeOf(method);
        var dispatcherType = typeof(MethodDispatcher<>).MakeGenericType(resultType);
        return (MethodDispatcher)Activator.CreateInstance(dispatcherType, method, shape, Compile(method, shape))!;
    }

    private static (ReturnShape Shape, Type ResultType) ShapeOf(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return (ReturnShape.Task, typeof(object));
        }
        if (type == typeof(ValueTask))
        {
            return (ReturnShape.ValueTask, typeof(object));
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnShape.TaskOfResult, type.GetGenericArguments()[0]);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnShape.ValueTaskOfResult, type.GetGenericArguments()[0]);
        }
        throw new NotSupportedException(
            $"{method.DeclaringType?.Name}.{method.Name} returns {type.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    /// <summary>Compiles (grain, args) => ((IFoo)grain).Method((A)args[0], ...) as a Task.</summary>
    private static Func<object, object?[], Task> Compile(MethodInfo method, ReturnShape shape)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters().Select((parameter, index) =>
            Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(index)), parameter.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (shape is ReturnShape.ValueTask or ReturnShape.ValueTaskOfResult)
        {
            call = Expression.Call(call, method.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        }
        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, arguments).Compile();
    }
}

internal enum ReturnShape
{
    Task,
    TaskOfResult,
    ValueTask,
    ValueTaskOfResult,
}
