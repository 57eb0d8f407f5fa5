using System.Buffers;
using GongGrid.Grains.Interfaces;
using GongGrid.Simulator.Night;
using MQTTnet;
using MQTTnet.Protocol;

namespace GongGrid.Simulator.Mqtt;

/// <summary>
/// Plays a night plan as the devices would: each event published as JSON on its device's topic, QoS 1, at its
/// time on the (accelerated) clock. Publishes are pipelined, a few hundred awaiting their PUBACK at once; a device
/// always uses the same connection, so its events stay in order.
/// </summary>
public static class MqttNightPlayer
{
    /// <summary>
    /// Publishes awaiting their PUBACK, across all connections. More buys nothing on loopback and costs: MQTTnet
    /// looks each PUBACK up in a list of every publish waiting on that connection.
    /// </summary>
    private const int Outstanding = 512;

    /// <returns>The number of events the broker acknowledged.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<PlannedEvent> plan, IReadOnlyList<IMqttClient> publishers, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var window = new SemaphoreSlim(Outstanding);
        var acknowledged = 0;
        var publishes = new List<Task>(plan.Count);
        foreach (var planned in plan)
        {
            var wait = planned.At - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            await window.WaitAsync(cancellationToken);
            var publisher = publishers[(int)((uint)planned.DeviceKey.GetHashCode() % (uint)publishers.Count)];
            publishes.Add(Publish(publisher, planned));
        }

        await Task.WhenAll(publishes);
        return acknowledged;

        async Task Publish(IMqttClient publisher, PlannedEvent planned)
        {
            try
            {
                var message = new MqttApplicationMessage
                {
                    Topic = DeviceTopic.For(planned.DeviceKey, planned.Event),
                    Payload = new ReadOnlySequence<byte>(DeviceEventJson.Format(planned.Event)),
                    QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
                };
                await publisher.PublishAsync(message, cancellationToken);
                Interlocked.Increment(ref acknowledged);
            }
            finally
            {
                window.Release();
            }
        }
    }
}
