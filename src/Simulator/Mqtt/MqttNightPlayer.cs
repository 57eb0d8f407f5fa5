using GongGrid.Grains.Interfaces;
using GongGrid.Mqtt;
using GongGrid.Simulator.Night;

namespace GongGrid.Simulator.Mqtt;

/// <summary>
/// Plays a night plan as the devices would: each event published as JSON on its device's topic, QoS 1, at its
/// time on the (accelerated) clock. Publishes are pipelined; a device always uses the same connection, so its
/// events stay in order.
/// </summary>
public static class MqttNightPlayer
{
    private const int Outstanding = 4096;

    /// <returns>The number of events the broker acknowledged.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<PlannedEvent> plan, IReadOnlyList<MqttClient> publishers, TimeProvider clock, CancellationToken cancellationToken)
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

        async Task Publish(MqttClient publisher, PlannedEvent planned)
        {
            try
            {
                await publisher.PublishAsync(DeviceTopic.For(planned.DeviceKey, planned.Event), DeviceEventJson.Format(planned.Event));
                Interlocked.Increment(ref acknowledged);
            }
            finally
            {
                window.Release();
            }
        }
    }
}
