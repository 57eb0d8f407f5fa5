using System.Text.Json;
using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Devices;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.Mqtt;
using DeviceTopic = GongGrid.Grains.Interfaces.DeviceTopic;

namespace GongGrid.EdgeBridge.Uplink;

/// <summary>Publishes device commands from the grid on the device's <c>…/cmd</c> topic, in the documented JSON.</summary>
public sealed class CommandPublisher(MqttClient broker, BridgeMetrics metrics)
{
    public async Task PublishAsync(DeviceCommand command)
    {
        var payload = command.ActionCase switch
        {
            DeviceCommand.ActionOneofCase.Play => JsonSerializer.SerializeToUtf8Bytes(new
            {
                commandId = command.CommandId,
                play = new
                {
                    program = command.Play.Program == PlaybackProgram.Peace ? "peace" : "alarm",
                    alarmKind = AlarmKindName(command.Play.AlarmKind),
                },
            }),
            _ => throw new InvalidOperationException($"command {command.CommandId} has no action this bridge knows"),
        };
        await broker.PublishAsync(DeviceTopic.CommandsTo(command.DeviceKey), payload, MqttQos.AtLeastOnce);
        metrics.OnCommand();
    }

    private static string? AlarmKindName(AlarmKind kind) =>
        kind == AlarmKind.Unspecified ? null : kind.ToString().ToLowerInvariant();
}
