using System.Reflection;
using System.Text;

namespace GongGrid.Grains.Tests.Api;

/// <summary>
/// The public surface of an assembly as text, one member a line, sorted: what other code (and later the gRPC
/// contract) depends on. Compared with an approved copy so every contract change is a reviewed diff.
/// </summary>
public static class PublicApi
{
    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(type => type.Namespace != "OrleansCodeGen" && type.Namespace?.StartsWith("OrleansCodeGen.", StringComparison.Ordinal) != true))
        {
            lines.Add($"{Kind(type)} {Name(type)}{Bases(type)}");
            lines.AddRange(Members(type).Select(member => $"{Name(type)}::{member}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + '\n';
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return Enum.GetNames(type);
        }
        var properties = type.GetProperties(Declared).Select(property =>
            $"{Name(property.PropertyType)} {property.Name} {{ {(property.CanRead ? "get; " : "")}{(property.SetMethod?.IsPublic == true ? (IsInitOnly(property) ? "init; " : "set; ") : "")}}}");
        var methods = type.GetMethods(Declared)
            .Where(method => !method.IsSpecialName && method.Name is not ("<Clone>$" or "Deconstruct" or "PrintMembers" or "Equals" or "GetHashCode" or "ToString"))
            .Select(method => $"{(method.IsStatic ? "static " : "")}{Name(method.ReturnType)} {method.Name}({Parameters(method)})");
        var constructors = type.GetConstructors().Select(constructor => $".ctor({Parameters(constructor)})");
        var fields = type.GetFields(Declared).Select(field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{Name(field.FieldType)} {field.Name}");
        return properties.Concat(methods).Concat(constructors).Concat(fields);
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Bases(Type type)
    {
        var bases = type.GetInterfaces().Where(candidate => !candidate.Name.StartsWith("IEquatable", StringComparison.Ordinal)).Select(Name).ToList();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Insert(0, Name(baseType));
        }
        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases.Order(StringComparer.Ordinal));
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(parameter => $"{Name(parameter.ParameterType)} {parameter.Name}"));

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(modifier => modifier.Name == "IsExternalInit");

    private static string Name(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }
        var builder = new StringBuilder(type.GetGenericTypeDefinition().FullName![..type.GetGenericTypeDefinition().FullName!.IndexOf('`')]);
        return builder.Append('<').AppendJoin(", ", type.GetGenericArguments().Select(Name)).Append('>').ToString();
    }
}
