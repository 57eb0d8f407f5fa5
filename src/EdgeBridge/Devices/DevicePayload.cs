using System.Text.Json;
using System.Text.Unicode;
using GongGrid.Grains.Interfaces;

namespace GongGrid.EdgeBridge.Devices;

/// <summary>
/// Reads an MQTT payload with the same rules as the silo (<see cref="DeviceEventJson"/>, which also holds the
/// grid's event id and sequence limits), so that nothing the bridge journals is refused there: a refused event
/// would have been acknowledged to its device already, with no way to tell it.
/// </summary>
public static class DevicePayload
{
    /// <summary>Device payloads are small JSON objects; anything larger is a fault, not an event.</summary>
    public const int MaxBytes = 4096;

    /// <exception cref="FormatException">Oversize, not JSON, or a field missing, wrong or out of range.</exception>
    public static DeviceEvent Parse(DeviceTopic topic, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > MaxBytes)
        {
            throw new FormatException($"payload of {payload.Length} bytes exceeds {MaxBytes}");
        }

        // The JSON reader checks only the strings it is asked to read: bad bytes in a value or a name nobody reads
        // would pass, and docs/mqtt.md promises UTF-8 throughout.
        if (!Utf8.IsValid(payload.Span))
        {
            throw new FormatException("payload is not valid UTF-8");
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return DeviceEventJson.Parse(topic.Kind, document.RootElement);
        }
        catch (JsonException error)
        {
            throw new FormatException($"payload is not valid JSON: {error.Message}");
        }
    }
}
