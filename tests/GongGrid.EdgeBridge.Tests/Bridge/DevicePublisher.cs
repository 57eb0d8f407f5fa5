using GongGrid.Mqtt;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// Devices publishing through one MQTT connection (our client): QoS 1, a bounded number in flight, and a count of
/// the PUBACKs the broker returned. Unacknowledged publishes are resent after a reconnect (same packet id, DUP),
/// as a device without its PUBACK does.
/// </summary>
internal sealed class DevicePublisher : IAsyncDisposable
{
    private readonly MqttClient _client;
    private int _acknowledged;

    private DevicePublisher(MqttClient client) => _client = client;

    /// <summary>Publishes the broker acknowledged.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public static async Task<DevicePublisher> ConnectAsync(int brokerPort, string clientId)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = brokerPort,
            ClientId = clientId,
            CleanSession = true,
            KeepAlive = TimeSpan.FromSeconds(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
            MaxInFlight = 100,
        });
        await client.ConnectAsync();
        return new DevicePublisher(client);
    }

    /// <summary>
    /// Publishes <paramref name="messages"/> in order, <paramref name="chunk"/> at a time, waiting for each chunk's
    /// PUBACKs and then <paramref name="pause"/>, so a burst takes a while and a test can act in its middle.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<DeviceMessage> messages, int chunk = 50, TimeSpan? pause = null)
    {
        foreach (var part in messages.Chunk(chunk))
        {
            await Task.WhenAll(part.Select(async message =>
            {
                await _client.PublishAsync(message.Topic, message.Payload, MqttQos.AtLeastOnce);
                Interlocked.Increment(ref _acknowledged);
            }));
            if (pause is { } wait)
            {
                await Task.Delay(wait);
            }
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
