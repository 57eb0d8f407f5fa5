using System.Buffers;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// Devices publishing through one MQTT connection (MQTTnet): QoS 1, a bounded number in flight, and a count of the
/// PUBACKs the broker returned. A publish whose PUBACK never came is sent again after a reconnect, as a device
/// without its PUBACK does.
/// </summary>
internal sealed class DevicePublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private int _acknowledged;

    private DevicePublisher(IMqttClient client, MqttClientOptions options)
    {
        _client = client;
        _options = options;
    }

    /// <summary>Publishes the broker acknowledged.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public static async Task<DevicePublisher> ConnectAsync(int brokerPort, string clientId)
    {
        var options = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTcpServer("127.0.0.1", brokerPort)
            .WithClientId(clientId)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(10))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(options);
        return new DevicePublisher(client, options);
    }

    /// <summary>
    /// Publishes <paramref name="messages"/> in order, <paramref name="chunk"/> at a time, waiting for each chunk's
    /// PUBACKs and then <paramref name="pause"/>, so a burst takes a while and a test can act in its middle.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<DeviceMessage> messages, int chunk = 50, TimeSpan? pause = null)
    {
        foreach (var part in messages.Chunk(chunk))
        {
            await Task.WhenAll(part.Select(PublishUntilAcknowledgedAsync));
            if (pause is { } wait)
            {
                await Task.Delay(wait);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _reconnecting.Dispose();
    }

    private async Task PublishUntilAcknowledgedAsync(DeviceMessage message)
    {
        var publish = new MqttApplicationMessage
        {
            Topic = message.Topic,
            Payload = new ReadOnlySequence<byte>(message.Payload),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        };
        while (true)
        {
            try
            {
                await _client.PublishAsync(publish);
                Interlocked.Increment(ref _acknowledged);
                return;
            }
            catch (MqttCommunicationException)
            {
                await ReconnectAsync();
            }
        }
    }

    /// <summary>Connects again, every 200 ms until the broker answers; publishes that failed together wait for one reconnect.</summary>
    private async Task ReconnectAsync()
    {
        await _reconnecting.WaitAsync();
        try
        {
            while (!_client.IsConnected)
            {
                try
                {
                    await _client.ConnectAsync(_options);
                }
                catch (Exception error) when (error is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                {
                    // Refused, unreachable, or MQTTnet still closing the last connection.
                    await Task.Delay(200);
                }
            }
        }
        finally
        {
            _reconnecting.Release();
        }
    }
}
