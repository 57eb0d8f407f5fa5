namespace GongGrid.Mqtt.Protocol;

/// <summary>The control packet types of MQTT 3.1.1 (the high nibble of the first byte); 0 and 15 are reserved.</summary>
internal enum MqttPacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}

internal static class MqttPacketTypeNames
{
    /// <summary>The name the specification uses, for error messages and logs.</summary>
    public static string SpecName(this MqttPacketType type) => type.ToString().ToUpperInvariant();
}
