using GongGrid.Mqtt.Connection;

namespace GongGrid.Mqtt;

/// <summary>
/// A PUBLISH received from the broker. A QoS 1 message is not acknowledged until the application calls
/// <see cref="Acknowledge"/> (for the edge bridge: after the event is durably journalled). A message never
/// acknowledged is redelivered by the broker, flagged <see cref="Duplicate"/>, when a persistent session reconnects.
/// </summary>
public sealed class MqttMessage
{
    private readonly IMqttAcknowledger? _acknowledger;
    private readonly ushort _packetId;
    private int _acknowledged;

    internal MqttMessage(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool duplicate, bool retain, ushort packetId, IMqttAcknowledger? acknowledger)
    {
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Duplicate = duplicate;
        Retain = retain;
        _packetId = packetId;
        _acknowledger = acknowledger;
    }

    public string Topic { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    public MqttQos Qos { get; }

    /// <summary>The DUP flag: the broker may have delivered this message before (it was not acknowledged then).</summary>
    public bool Duplicate { get; }

    /// <summary>The broker sent this from its retained store, not as a live publish.</summary>
    public bool Retain { get; }

    /// <summary>
    /// Queues the PUBACK for a QoS 1 message on the connection it arrived on. Idempotent. Returns false, and sends
    /// nothing, for QoS 0, for a second call, or when that connection has already closed: its packet id means nothing
    /// on a newer connection, and the broker will redeliver the message there instead.
    /// </summary>
    /// <remarks>
    /// MQTT asks for acknowledgements in the order messages arrived; an application that journals in arrival order
    /// acknowledges in that order. Brokers (mosquitto included) accept any order.
    /// </remarks>
    public bool Acknowledge()
    {
        if (_acknowledger is null || Interlocked.Exchange(ref _acknowledged, 1) != 0)
        {
            return false;
        }
        return _acknowledger.Acknowledge(_packetId);
    }
}
