using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// The MQTT topics of the device contract: events on <c>gonggrid/v1/{district}/{commune}/{village}/{device}/{kind}</c>,
/// commands on <c>…/{device}/cmd</c>.
/// </summary>
public sealed record DeviceTopic(string DeviceKey, string Kind)
{
    private const string Prefix = "gonggrid/v1/";
    private static readonly HashSet<string> Kinds = ["strike", "heartbeat", "alarm", "playback"];

    /// <summary>Every event topic of one village's devices.</summary>
    public static string EventsOf(string villageKey) => $"{Prefix}{villageKey}/+/+";

    public static string CommandsTo(string deviceKey) => $"{Prefix}{deviceKey}/cmd";

    /// <summary>The topic a device publishes <paramref name="deviceEvent"/> on.</summary>
    public static string For(string deviceKey, DeviceEvent deviceEvent) => $"{Prefix}{deviceKey}/{DeviceEventJson.KindOf(deviceEvent)}";

    /// <summary>A command topic (<c>gonggrid/v1/…/{device}/cmd</c>): the grid's message to a device, never a device event.</summary>
    public static bool IsCommand(string topic) =>
        topic.StartsWith(Prefix, StringComparison.Ordinal) && topic.EndsWith("/cmd", StringComparison.Ordinal) && topic.Count(c => c == '/') == 6;

    /// <exception cref="FormatException">The topic is not an event topic of the contract.</exception>
    public static DeviceTopic Parse(string topic)
    {
        var parts = topic.StartsWith(Prefix, StringComparison.Ordinal) ? topic[Prefix.Length..].Split('/') : [];
        if (parts.Length != 5 || !parts[..4].All(Slug.IsValid))
        {
            throw new FormatException($"topic '{topic}' is not gonggrid/v1/{{district}}/{{commune}}/{{village}}/{{device}}/{{kind}} with lowercase slugs");
        }

        return Kinds.Contains(parts[4])
            ? new DeviceTopic(string.Join('/', parts[..4]), parts[4])
            : throw new FormatException($"topic '{topic}' ends in '{parts[4]}'; expected strike, heartbeat, alarm or playback");
    }
}
