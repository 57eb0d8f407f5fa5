using System.Text.Json;
using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Metrics;
using DeviceTopic = GongGrid.Grains.Interfaces.DeviceTopic;

namespace GongGrid.EdgeBridge.Uplink;

/// <summary>Publishes device commands from the grid on the device's <c>…/cmd</c> topic (QoS 1), in the documented JSON.</summary>
public sealed class CommandPublisher(BrokerSession broker, BridgeMetrics metrics)
{
    /// <summary>How long a command waits for the broker link before it is given up (and logged).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

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
        using var patience = new CancellationTokenSource(Patience);
        await broker.PublishAsync(DeviceTopic.CommandsTo(command.DeviceKey), payload, patience.Token);
        metrics.OnCommand();
    }

    private static string? AlarmKindName(AlarmKind kind) =>
        kind == AlarmKind.Unspecified ? null : kind.ToString().ToLowerInvariant();
}
