using System.Text.Json;
using GongGrid.Api.V1;

namespace GongGrid.EdgeBridge.Intake;

/// <summary>
/// The devices of the bridge's villages and their kinds, as the grid last said (IngestService.GetBridgeRoster),
/// kept in a file so a bridge restarted while the uplink is down still knows them. Before the first answer it
/// knows nothing, and lets every well-formed event through for the grid to judge.
/// </summary>
public sealed class DeviceDirectory(string path)
{
    private volatile IReadOnlyDictionary<string, DeviceKind>? _devices = Load(path);

    public bool IsKnown => _devices is not null;

    /// <summary>Null when the event may go on; otherwise the rejection reason (unknown-device or wrong-kind).</summary>
    public string? Refusal(string deviceKey, string eventKind)
    {
        if (_devices is not { } devices)
        {
            return null;
        }

        if (!devices.TryGetValue(deviceKey, out var kind))
        {
            return "unknown-device";
        }

        var allowed = eventKind switch
        {
            "strike" => kind == DeviceKind.Gong,
            "alarm" => kind == DeviceKind.AlarmButton,
            "playback" => kind == DeviceKind.Speaker,
            _ => true,
        };
        return allowed ? null : "wrong-kind";
    }

    public async Task UpdateAsync(BridgeRoster roster, CancellationToken cancellationToken)
    {
        var devices = roster.Devices.ToDictionary(device => device.DeviceKey, device => device.Kind);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(devices), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        _devices = devices;
    }

    private static Dictionary<string, DeviceKind>? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, DeviceKind>>(File.ReadAllText(path)) : null;
}
