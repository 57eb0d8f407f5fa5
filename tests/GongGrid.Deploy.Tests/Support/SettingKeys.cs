using System.Reflection;
using GongGrid.EdgeBridge;
using GongGrid.Silo.Api;
using GongGrid.Silo.Hosting;
using GongGrid.Silo.Metrics;
using GongGrid.Silo.Operations;

namespace GongGrid.Deploy.Tests.Support;

/// <summary>
/// Whether a setting in environment form (GongGrid__Api__Listen) names a property of the options the programs bind
/// the "GongGrid" section to, so a misspelt setting in an image is caught here instead of silently ignored.
/// </summary>
public static class SettingKeys
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Api"] = typeof(ApiOptions),
        ["Metrics"] = typeof(MetricsOptions),
        ["OrleansDashboard"] = typeof(OrleansDashboardOptions),
        ["Bridge"] = typeof(BridgeOptions),
    };

    public static bool IsKnown(string environmentKey)
    {
        var parts = environmentKey.Split("__");
        if (parts.Length < 2 || parts[0] != "GongGrid")
        {
            return false;
        }
        var type = Property(typeof(GridOptions), parts[1]) is null && Sections.TryGetValue(parts[1], out var section) ? section : typeof(GridOptions);
        foreach (var part in parts.Skip(type == typeof(GridOptions) ? 1 : 2))
        {
            if (Property(type, part) is not { } property)
            {
                return false;
            }
            type = property.PropertyType;
        }
        return true;
    }

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
}
