namespace GongGrid.Mqtt.Connection;

/// <summary>
/// One message the application asked to publish. It is its own completion source (one allocation per message):
/// QoS 1 completes at PUBACK, QoS 0 once written to the socket.
/// </summary>
internal sealed class OutboundPublish(string topic, ReadOnlyMemory<byte> payload, MqttQos qos, bool retain)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public string Topic { get; } = topic;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public MqttQos Qos { get; } = qos;

    public bool Retain { get; } = retain;

    /// <summary>Assigned when the message enters the in-flight window (QoS 1 only); kept for resends.</summary>
    public ushort PacketId { get; set; }

    /// <summary>Order of entry into the window, so resends after a reconnect keep the original order.</summary>
    public long Sequence { get; set; }
}
