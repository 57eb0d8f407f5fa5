using MQTTnet;
using MQTTnet.Channel;
using MQTTnet.Formatter;

namespace GongGrid.Simulator.Mqtt;

/// <summary>The simulated devices' MQTT connections to a broker, as village devices open them: MQTT 3.1.1, clean session.</summary>
public static class DeviceConnections
{
    /// <param name="streams">How to open each TCP connection; MQTTnet's own socket when null.</param>
    public static async Task<List<IMqttClient>> ConnectAsync(
        string host, int port, int count, string clientIdPrefix, IMqttClientStreamProvider? streams, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        var devices = new List<IMqttClient>(count);
        try
        {
            for (var index = 0; index < count; index++)
            {
                var device = factory.CreateMqttClient();
                devices.Add(device);
                var options = new MqttClientOptionsBuilder()
                    .WithProtocolVersion(MqttProtocolVersion.V311)
                    .WithTcpServer(host, port)
                    .WithClientId($"{clientIdPrefix}-{index}")
                    .WithCleanSession()
                    // One write per PUBLISH: header and payload in one segment, not two, at tens of thousands a second.
                    .WithoutPacketFragmentation();
                if (streams is not null)
                {
                    options.WithStreamProvider(streams);
                }

                await device.ConnectAsync(options.Build(), cancellationToken);
            }
        }
        catch
        {
            await DisconnectAsync(devices);
            throw;
        }

        return devices;
    }

    /// <summary>Disconnects cleanly (DISCONNECT, so the broker publishes no will) and disposes each connection.</summary>
    public static async Task DisconnectAsync(IEnumerable<IMqttClient> devices)
    {
        foreach (var device in devices)
        {
            if (device.IsConnected)
            {
                await device.DisconnectAsync();
            }

            device.Dispose();
        }
    }
}
