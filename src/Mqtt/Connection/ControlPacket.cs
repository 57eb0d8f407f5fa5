using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Connection;

/// <summary>
/// A non-PUBLISH packet queued for the writer (PUBACK, PINGREQ, SUBSCRIBE, UNSUBSCRIBE, DISCONNECT). A struct, so
/// acknowledging an inbound message allocates nothing. <see cref="Body"/> holds the subscriptions or filters.
/// </summary>
internal readonly record struct ControlPacket(MqttPacketType Type, ushort PacketId = 0, object? Body = null);
