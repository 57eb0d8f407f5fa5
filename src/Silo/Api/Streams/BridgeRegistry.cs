using System.Collections.Concurrent;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// The edge bridges connected to this silo now, by the villages they serve, so device commands can go down their
/// ingest streams. A bridge that reconnects replaces its earlier stream.
/// </summary>
public sealed class BridgeRegistry(ILogger<BridgeRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Bridge> _byVillage = new();

    public IDisposable Connect(string name, IReadOnlyList<string> villageKeys, Func<DeviceCommand, Task> send)
    {
        var bridge = new Bridge(name, send);
        foreach (var village in villageKeys)
        {
            _byVillage[village] = bridge;
        }

        return new Disconnect(() =>
        {
            foreach (var village in villageKeys)
            {
                _byVillage.TryRemove(new KeyValuePair<string, Bridge>(village, bridge));
            }
        });
    }

    /// <summary>Hands the command to the bridge serving the device's village; false when none is connected.</summary>
    public bool TrySend(DeviceCommand command)
    {
        if (!_byVillage.TryGetValue(GrainKeys.Parent(command.DeviceKey), out var bridge))
        {
            return false;
        }

        _ = bridge.Send(command).ContinueWith(
            failed => logger.LogWarning(failed.Exception, "Command {Command} to {Device} via {Bridge} was not sent", command.CommandId, command.DeviceKey, bridge.Name),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return true;
    }

    private sealed record Bridge(string Name, Func<DeviceCommand, Task> Send);

    private sealed class Disconnect(Action disconnect) : IDisposable
    {
        public void Dispose() => disconnect();
    }
}
