using System.Text.Json;
using GongGrid.Grains.Interfaces;

namespace GongGrid.EdgeBridge.Devices;

/// <summary>
/// Reads an MQTT payload with the same rules as the silo (<see cref="DeviceEventJson"/>), plus the checks the grid
/// makes when an event arrives (event id length, sequence sign), so that nothing the bridge journals is refused
/// there: a refused event would have been acknowledged to its device already, with no way to tell it.
/// </summary>
public static class DevicePayload
{
    /// <summary>Device payloads are small JSON objects; anything larger is a fault, not an event.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The longest event id the grid applies (DeviceEventIngest.MaxEventIdLength; docs/mqtt.md).</summary>
    public const int MaxEventIdLength = 128;

    /// <exception cref="FormatException">Oversize, not UTF-8 JSON, or a field missing, wrong or out of range.</exception>
    public static DeviceEvent Parse(DeviceTopic topic, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            throw new FormatException($"payload of {payload.Length} bytes exceeds {MaxBytes}");
        }

        DeviceEvent domain;
        try
        {
            using var document = JsonDocument.Parse(payload);
            domain = DeviceEventJson.Parse(topic.Kind, document.RootElement);
        }
        catch (JsonException error)
        {
            throw new FormatException($"payload is not valid JSON: {error.Message}");
        }
        catch (InvalidOperationException error)
        {
            // A string that is not valid UTF-8 parses as JSON and fails only when read.
            throw new FormatException($"payload is not valid UTF-8: {error.Message}");
        }
        catch (ArgumentOutOfRangeException error)
        {
            // Unix milliseconds outside the years 1 to 9999.
            throw new FormatException($"'time' is out of range: {error.Message}");
        }

        if (string.IsNullOrWhiteSpace(domain.EventId) || domain.EventId.Length > MaxEventIdLength)
        {
            throw new FormatException($"'eventId' must be 1 to {MaxEventIdLength} characters, not all blank; it has {domain.EventId.Length}");
        }

        return domain.Sequence < 0 ? throw new FormatException($"'seq' must be 0 or more, not {domain.Sequence}") : domain;
    }
}
