using MQTTnet;
using MQTTnet.Protocol;

namespace GongGrid.EdgeBridge.Broker;

/// <summary>
/// A PUBLISH the broker delivered on one connection of the bridge's session. A QoS 1 message is acknowledged only
/// when the bridge calls <see cref="Acknowledge"/> (for a device event: once it is fsynced in the journal).
/// </summary>
public sealed class BrokerMessage
{
    private readonly IBrokerConnection _connection;
    private int _acknowledged;

    internal BrokerMessage(
        string topic,
        ReadOnlyMemory<byte> payload,
        MqttQualityOfServiceLevel qos,
        bool duplicate,
        IBrokerConnection connection,
        MqttApplicationMessageReceivedEventArgs? received = null)
    {
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Duplicate = duplicate;
        _connection = connection;
        Received = received;
    }

    public string Topic { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public MqttQualityOfServiceLevel Qos { get; }

    /// <summary>The DUP flag: the broker may have delivered this message before, unacknowledged.</summary>
    public bool Duplicate { get; }

    /// <summary>False once the connection it arrived on has closed: it can no longer be acknowledged.</summary>
    public bool ConnectionOpen => _connection.IsOpen;

    /// <summary>MQTTnet's delivery, which sends the acknowledgement.</summary>
    internal MqttApplicationMessageReceivedEventArgs? Received { get; }

    /// <summary>
    /// Sends the acknowledgement on the connection the message arrived on, once. Returns false, and sends nothing,
    /// when called again or when that connection has closed: its packet id means something else on a newer
    /// connection, and the broker delivers the message again there (with DUP; its event id makes that harmless).
    /// </summary>
    public bool Acknowledge() => Interlocked.Exchange(ref _acknowledged, 1) == 0 && _connection.Acknowledge(this);
}
