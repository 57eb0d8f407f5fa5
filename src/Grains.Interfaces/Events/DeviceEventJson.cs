using System.Globalization;
using System.Text.Json;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// Reads a device event from JSON: "eventId", "time" (RFC 3339 with offset, or Unix milliseconds), "seq", and the
/// kind's own fields ("striker"; "battery", "signal"; "alarm"; "program"). Every mistake is a
/// <see cref="FormatException"/> naming the field and what was expected. The silo's ingest command and the edge
/// bridge's MQTT payloads share it, so a payload means the same on both paths.
/// </summary>
public static class DeviceEventJson
{
    /// <summary>The longest event id the contract allows; ids are per-device counters or UUIDs, never documents.</summary>
    public const int MaxEventIdLength = 128;

    private static readonly long MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static DeviceEvent Parse(string kind, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A {kind} event must be a JSON object, not {payload.ValueKind}.");
        }
        var id = RequiredString(payload, "eventId");
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxEventIdLength)
        {
            throw new FormatException($"'eventId' must be 1 to {MaxEventIdLength} characters, not all blank; it has {id.Length}.");
        }
        var time = Time(payload);
        var sequence = Number(payload, "seq") ?? throw Missing("seq");
        if (sequence < 0)
        {
            throw new FormatException($"'seq' must be 0 or more, not {sequence}.");
        }
        return kind switch
        {
            "strike" => new StrikeEvent(id, time, sequence, OptionalString(payload, "striker")),
            "heartbeat" => new HeartbeatEvent(id, time, sequence, Percent(payload, "battery"), (int?)Number(payload, "signal")),
            "alarm" => new AlarmButtonEvent(id, time, sequence, Choice<AlarmKind>(payload, "alarm")),
            "playback" => new PlaybackEvent(id, time, sequence, Choice<PlaybackProgram>(payload, "program")),
            _ => throw new FormatException($"Unknown event kind '{kind}'; expected strike, heartbeat, alarm or playback."),
        };
    }

    /// <summary>The MQTT topic kind of an event: strike, heartbeat, alarm or playback.</summary>
    public static string KindOf(DeviceEvent deviceEvent) => deviceEvent switch
    {
        StrikeEvent => "strike",
        HeartbeatEvent => "heartbeat",
        AlarmButtonEvent => "alarm",
        PlaybackEvent => "playback",
        _ => throw new ArgumentException($"No payload kind for {deviceEvent.GetType().Name}.", nameof(deviceEvent)),
    };

    /// <summary>Writes the payload a device would publish; <see cref="Parse"/> reads it back to an equal event.</summary>
    public static byte[] Format(DeviceEvent deviceEvent)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("eventId", deviceEvent.EventId);
            json.WriteString("time", deviceEvent.DeviceTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            json.WriteNumber("seq", deviceEvent.Sequence);
            switch (deviceEvent)
            {
                case StrikeEvent { StrikerId: { } striker }:
                    json.WriteString("striker", striker);
                    break;
                case HeartbeatEvent heartbeat:
                    WriteIfSet(json, "battery", heartbeat.BatteryPercent);
                    WriteIfSet(json, "signal", heartbeat.SignalDbm);
                    break;
                case AlarmButtonEvent button:
                    json.WriteString("alarm", button.Kind.ToString().ToLowerInvariant());
                    break;
                case PlaybackEvent playback:
                    json.WriteString("program", playback.Program.ToString().ToLowerInvariant());
                    break;
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static DateTimeOffset Time(JsonElement payload)
    {
        if (!payload.TryGetProperty("time", out var time))
        {
            throw Missing("time");
        }
        if (time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var unixMilliseconds))
        {
            return unixMilliseconds >= MinUnixMilliseconds && unixMilliseconds <= MaxUnixMilliseconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)
                : throw new FormatException($"'time' {unixMilliseconds} is outside the Unix milliseconds of the years 1 to 9999.");
        }
        if (time.ValueKind == JsonValueKind.String && Rfc3339.TryParse(time.GetString()!, out var instant))
        {
            return instant;
        }
        throw new FormatException($"'time' must be RFC 3339 with an offset (2026-11-22T22:00:01+07:00) or Unix milliseconds, not {time}.");
    }

    private static string RequiredString(JsonElement payload, string name) =>
        OptionalString(payload, name) is { Length: > 0 } text ? text : throw Missing(name);

    private static string? OptionalString(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? Text(value, name)
        : throw new FormatException($"'{name}' must be a string, not {value.ValueKind}.");

    /// <summary>A JSON string with bytes that are not UTF-8 parses, and fails only when read.</summary>
    private static string Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new FormatException($"'{name}' is not valid UTF-8: {error.Message}");
        }
    }

    private static long? Number(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : throw new FormatException($"'{name}' must be a whole number, not {value}.");

    private static int? Percent(JsonElement payload, string name) =>
        Number(payload, name) switch
        {
            null => null,
            >= 0 and <= 100 and var percent => (int)percent,
            var other => throw new FormatException($"'{name}' must be a percentage from 0 to 100, not {other}."),
        };

    /// <summary>
    /// One of the enum's names in lowercase, exactly as docs/mqtt.md writes them ("fire", not "Fire"): a payload's
    /// names are case-sensitive like its field names. "unknown", numbers and comma lists are refused.
    /// </summary>
    private static TEnum Choice<TEnum>(JsonElement payload, string name) where TEnum : struct, Enum
    {
        var text = OptionalString(payload, name) ?? throw Missing(name);
        var choices = Enum.GetNames<TEnum>().Where(choice => choice != "Unknown").Select(choice => choice.ToLowerInvariant()).ToList();
        return choices.Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(text, ignoreCase: true)
            : throw new FormatException($"'{name}' is '{text}'; expected one of {string.Join(", ", choices)}.");
    }

    private static FormatException Missing(string name) => new($"'{name}' is missing.");
}
