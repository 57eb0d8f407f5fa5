using System.Reflection;
using System.Text.Json;
using GongGrid.Runtime.Persistence;
using GongGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Runtime.Activation;

/// <summary>How to build one grain class: its constructor factory and the persistent states it asks for.</summary>
internal sealed class GrainClass
{
    private static readonly MethodInfo CreateStateMethod = typeof(GrainClass).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ObjectFactory _factory;
    private readonly StateParameter[] _states;

    public GrainClass(Type classType)
    {
        ClassType = classType;
        var constructor = classType.GetConstructors().Single();
        _states = constructor.GetParameters()
            .Select(parameter => (parameter, attribute: parameter.GetCustomAttribute<PersistentStateAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => StateParameter.For(pair.parameter, pair.attribute!))
            .ToArray();
        _factory = ActivatorUtilities.CreateFactory(classType, _states.Select(state => state.ParameterType).ToArray());
    }

    public Type ClassType { get; }

    public (Grain Grain, IPersistentStateLifecycle[] States) Create(GrainId grainId, IServiceProvider services, JsonSerializerOptions json, IStateOwner owner)
    {
        var states = new object[_states.Length];
        for (var index = 0; index < states.Length; index++)
        {
            var state = _states[index];
            var storage = state.StorageName is null
                ? services.GetRequiredService<IGrainStorage>()
                : services.GetRequiredKeyedService<IGrainStorage>(state.StorageName);
            states[index] = state.Create(grainId, state.StateName, storage, json, owner);
        }
        var grain = (Grain)_factory(services, states);
        return (grain, states.Cast<IPersistentStateLifecycle>().ToArray());
    }

    private static object CreateState<TState>(GrainId grainId, string stateName, IGrainStorage storage, JsonSerializerOptions json, IStateOwner owner)
        where TState : new() => new PersistentState<TState>(grainId, stateName, storage, json, owner);

    private sealed record StateParameter(
        Type ParameterType,
        string StateName,
        string? StorageName,
        Func<GrainId, string, IGrainStorage, JsonSerializerOptions, IStateOwner, object> Create)
    {
        public static StateParameter For(ParameterInfo parameter, PersistentStateAttribute attribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name} must be an IPersistentState<T>.");
            }
            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<GrainId, string, IGrainStorage, JsonSerializerOptions, IStateOwner, object>>();
            return new StateParameter(type, attribute.StateName, attribute.StorageName, create);
        }
    }
}
