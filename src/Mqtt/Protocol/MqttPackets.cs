namespace GongGrid.Mqtt.Protocol;

/// <summary>A decoded MQTT 3.1.1 control packet (QoS 2 packets are refused by the reader, so none is modelled).</summary>
internal abstract record MqttPacket(MqttPacketType Type);

internal sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    string? Username = null,
    string? Password = null,
    MqttWill? Will = null) : MqttPacket(MqttPacketType.Connect);

internal sealed record ConnAckPacket(bool SessionPresent, MqttConnectReturnCode ReturnCode) : MqttPacket(MqttPacketType.ConnAck);

/// <summary>QoS is kept as the raw value so a QoS 2 PUBLISH can be decoded and then refused by the connection.</summary>
internal sealed record PublishPacket(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain, bool Dup, ushort PacketId)
    : MqttPacket(MqttPacketType.Publish);

internal sealed record PubAckPacket(ushort PacketId) : MqttPacket(MqttPacketType.PubAck);

internal sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket(MqttPacketType.Subscribe);

/// <summary>One return code per requested filter: the granted QoS (0-2) or <see cref="Failure"/>.</summary>
internal sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket(MqttPacketType.SubAck)
{
    public const byte Failure = 0x80;
}

internal sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket(MqttPacketType.Unsubscribe);

internal sealed record UnsubAckPacket(ushort PacketId) : MqttPacket(MqttPacketType.UnsubAck);

internal sealed record PingReqPacket() : MqttPacket(MqttPacketType.PingReq)
{
    public static readonly PingReqPacket Instance = new();
}

internal sealed record PingRespPacket() : MqttPacket(MqttPacketType.PingResp)
{
    public static readonly PingRespPacket Instance = new();
}

internal sealed record DisconnectPacket() : MqttPacket(MqttPacketType.Disconnect)
{
    public static readonly DisconnectPacket Instance = new();
}
