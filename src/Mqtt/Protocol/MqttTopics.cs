using System.Text;

namespace GongGrid.Mqtt.Protocol;

/// <summary>
/// The string rules of MQTT 3.1.1: UTF-8 without U+0000 or unpaired surrogates, at most 65535 bytes; topic names
/// without wildcards; filters whose <c>+</c> fills a whole level and whose <c>#</c> is the whole last level.
/// Each check returns what is wrong, or null.
/// </summary>
internal static class MqttTopics
{
    public const int MaxStringBytes = ushort.MaxValue;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? StringError(string value)
    {
        if (value.Contains('\0'))
        {
            return "contains U+0000";
        }
        int bytes;
        try
        {
            bytes = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return "contains an unpaired surrogate";
        }
        return bytes > MaxStringBytes ? $"is {bytes} bytes of UTF-8, more than {MaxStringBytes}" : null;
    }

    public static string? NameError(string topic)
    {
        if (topic.Length == 0)
        {
            return "is empty";
        }
        return topic.AsSpan().IndexOfAny('+', '#') >= 0 ? "contains a wildcard (+ or #)" : StringError(topic);
    }

    public static string? FilterError(string filter)
    {
        if (filter.Length == 0)
        {
            return "is empty";
        }
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
            {
                return "has a # that is not the whole last level";
            }
            if (level.Contains('+') && level != "+")
            {
                return "has a + that is not a whole level";
            }
        }
        return StringError(filter);
    }

    public static void ThrowIfInvalidName(string topic, string paramName)
    {
        ArgumentNullException.ThrowIfNull(topic, paramName);
        if (NameError(topic) is { } error)
        {
            throw new ArgumentException($"Topic name '{topic}' {error}.", paramName);
        }
    }

    public static void ThrowIfInvalidFilter(string filter, string paramName)
    {
        ArgumentNullException.ThrowIfNull(filter, paramName);
        if (FilterError(filter) is { } error)
        {
            throw new ArgumentException($"Topic filter '{filter}' {error}.", paramName);
        }
    }
}
