using System.Reflection;
using GongGrid.Runtime.Invocation;

namespace GongGrid.Runtime.Activation;

/// <summary>Which grain class implements each grain interface, and under which grain type name.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> _typeNameByInterface = [];
    private readonly Dictionary<string, GrainClass> _classByTypeName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var grainClasses = assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(type));
        foreach (var grainClass in grainClasses)
        {
            Add(grainClass);
        }
    }

    public string TypeNameOf(Type grainInterface) =>
        _typeNameByInterface.TryGetValue(grainInterface, out var name)
            ? name
            : throw new InvalidOperationException($"No grain class implements {grainInterface.Name}; register its assembly with the silo.");

    public GrainClass ClassOf(string typeName) =>
        _classByTypeName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    private void Add(Type grainClass)
    {
        var typeName = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? grainClass.Name;
        if (!_classByTypeName.TryAdd(typeName, new GrainClass(grainClass)))
        {
            throw new InvalidOperationException($"Grain type name '{typeName}' is used by both {_classByTypeName[typeName].ClassType.Name} and {grainClass.Name}.");
        }
        foreach (var grainInterface in grainClass.GetInterfaces().Where(IsGrainInterface))
        {
            foreach (var method in grainInterface.GetMethods())
            {
                MethodDispatcher.Validate(method);
            }
            if (grainInterface != typeof(IRemindable) && !_typeNameByInterface.TryAdd(grainInterface, typeName))
            {
                throw new InvalidOperationException($"{grainInterface.Name} is implemented by two grain classes ({_typeNameByInterface[grainInterface]}, {typeName}).");
            }
        }
    }

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey);
}
