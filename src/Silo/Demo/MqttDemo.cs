using GongGrid.EdgeBridge;
using GongGrid.Simulator.Mqtt;
using GongGrid.Simulator.Night;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Demo;

/// <summary>
/// The whole path of a real night: simulated devices publish to a local mosquitto; an edge bridge serving every
/// village journals each event and forwards it over the gRPC ingest stream to the silo.
/// </summary>
public static class MqttDemo
{
    private const int Publishers = 4;

    /// <returns>A line saying what the devices and the bridge did.</returns>
    public static async Task<string> PlayAsync(
        LocalBroker broker, Uri grid, string bridgeToken, IReadOnlyList<string> villages, IReadOnlyList<PlannedEvent> plan,
        TimeProvider clock, string dataDirectory, CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        using var bridge = new BridgeHost(
            new BridgeOptions
            {
                Villages = [.. villages],
                Broker = new BrokerOptions { Port = broker.Port, ClientId = "demo-bridge" },
                Grid = new() { Address = grid.ToString(), Token = bridgeToken },
                DataDirectory = Path.Combine(dataDirectory, "bridge"),
                MetricsListen = "",
            },
            logging,
            clock);
        using var stopBridge = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = bridge.RunAsync(_ => ready.TrySetResult(), stopBridge.Token);
        await Task.WhenAny(ready.Task, running);

        var devices = await DeviceConnections.ConnectAsync("127.0.0.1", broker.Port, Publishers, "demo-devices", streams: null, cancellationToken);
        try
        {
            var published = await MqttNightPlayer.RunAsync(plan, devices, clock, cancellationToken);
            await WaitUntilForwardedAsync(bridge, published, cancellationToken);
            var metrics = bridge.Metrics;
            return $"Devices published {published} events to mosquitto; the bridge journaled {metrics.Journaled}, refused {metrics.Rejected.Values.Sum()}, " +
                $"and the grid acknowledged {metrics.Acknowledged}.";
        }
        finally
        {
            await DeviceConnections.DisconnectAsync(devices);
            await stopBridge.CancelAsync();
            await running;
        }
    }

    /// <summary>Until every event the broker took is journaled (or refused) and acknowledged by the grid.</summary>
    private static async Task WaitUntilForwardedAsync(BridgeHost bridge, int published, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        var metrics = bridge.Metrics;
        while (metrics.Journaled + metrics.Rejected.Values.Sum() < published || metrics.Acknowledged < metrics.Journaled)
        {
            await Task.Delay(50, patience.Token);
        }
    }
}
