using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace GongGrid.Mqtt.Protocol;

/// <summary>
/// Encodes packets straight into an output buffer (no intermediate arrays), so a batch of publishes becomes one
/// socket write. Strings are assumed valid: callers check them with <see cref="MqttTopics"/> at the API edge.
/// Server-side packets (CONNACK, SUBACK, ...) are here too, for codec tests and test brokers.
/// </summary>
internal static class MqttPacketWriter
{
    public static void Write(IBufferWriter<byte> writer, MqttPacket packet)
    {
        switch (packet)
        {
            case ConnectPacket connect:
                WriteConnect(writer, connect);
                break;
            case ConnAckPacket connAck:
                WriteFixed(writer, 0x20, (byte)(connAck.SessionPresent ? 1 : 0), (byte)connAck.ReturnCode);
                break;
            case PublishPacket publish:
                WritePublish(writer, publish.Topic, publish.Payload.Span, publish.Qos, publish.Retain, publish.Dup, publish.PacketId);
                break;
            case PubAckPacket pubAck:
                WritePubAck(writer, pubAck.PacketId);
                break;
            case SubscribePacket subscribe:
                WriteSubscribe(writer, subscribe.PacketId, subscribe.Subscriptions);
                break;
            case SubAckPacket subAck:
                WriteSubAck(writer, subAck);
                break;
            case UnsubscribePacket unsubscribe:
                WriteUnsubscribe(writer, unsubscribe.PacketId, unsubscribe.TopicFilters);
                break;
            case UnsubAckPacket unsubAck:
                WriteIdOnly(writer, 0xB0, unsubAck.PacketId);
                break;
            case PingReqPacket:
                WritePingReq(writer);
                break;
            case PingRespPacket:
                WriteFixed(writer, 0xD0);
                break;
            case DisconnectPacket:
                WriteDisconnect(writer);
                break;
            default:
                throw new ArgumentException($"No encoding for {packet.Type.SpecName()}.", nameof(packet));
        }
    }

    public static void WriteConnect(IBufferWriter<byte> writer, ConnectPacket connect)
    {
        var will = connect.Will;
        var remaining = 10 + StringSize(connect.ClientId)
            + (will is null ? 0 : StringSize(will.Topic) + 2 + will.Payload.Length)
            + (connect.Username is null ? 0 : StringSize(connect.Username))
            + (connect.Password is null ? 0 : StringSize(connect.Password));
        var flags = (connect.CleanSession ? 0x02 : 0)
            | (will is null ? 0 : 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0))
            | (connect.Password is null ? 0 : 0x40)
            | (connect.Username is null ? 0 : 0x80);
        var span = writer.GetSpan(5 + remaining);
        var at = WriteHeader(span, 0x10, remaining);
        at += WriteString(span[at..], "MQTT");
        span[at++] = 4;
        span[at++] = (byte)flags;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], connect.KeepAliveSeconds);
        at += 2;
        at += WriteString(span[at..], connect.ClientId);
        if (will is not null)
        {
            at += WriteString(span[at..], will.Topic);
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)will.Payload.Length);
            will.Payload.Span.CopyTo(span[(at + 2)..]);
            at += 2 + will.Payload.Length;
        }
        if (connect.Username is not null)
        {
            at += WriteString(span[at..], connect.Username);
        }
        if (connect.Password is not null)
        {
            at += WriteString(span[at..], connect.Password);
        }
        writer.Advance(at);
    }

    /// <summary>The hot path: header, topic and packet id into one span, then the payload copied behind it.</summary>
    public static void WritePublish(IBufferWriter<byte> writer, string topic, ReadOnlySpan<byte> payload, MqttQos qos, bool retain, bool dup, ushort packetId)
    {
        var topicBytes = Encoding.UTF8.GetByteCount(topic);
        var remaining = 2 + topicBytes + (qos == MqttQos.AtMostOnce ? 0 : 2) + payload.Length;
        var first = 0x30 | (dup ? 0x08 : 0) | ((int)qos << 1) | (retain ? 0x01 : 0);
        var span = writer.GetSpan(5 + 2 + topicBytes + 2);
        var at = WriteHeader(span, (byte)first, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)topicBytes);
        at += 2 + Encoding.UTF8.GetBytes(topic, span[(at + 2)..]);
        if (qos != MqttQos.AtMostOnce)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
            at += 2;
        }
        writer.Advance(at);
        writer.Write(payload);
    }

    public static void WritePubAck(IBufferWriter<byte> writer, ushort packetId) => WriteIdOnly(writer, 0x40, packetId);

    public static void WriteSubscribe(IBufferWriter<byte> writer, ushort packetId, IReadOnlyList<MqttSubscription> subscriptions)
    {
        var remaining = 2 + subscriptions.Sum(s => StringSize(s.TopicFilter) + 1);
        var span = writer.GetSpan(5 + remaining);
        var at = WriteHeader(span, 0x82, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
        at += 2;
        foreach (var subscription in subscriptions)
        {
            at += WriteString(span[at..], subscription.TopicFilter);
            span[at++] = (byte)subscription.Qos;
        }
        writer.Advance(at);
    }

    public static void WriteUnsubscribe(IBufferWriter<byte> writer, ushort packetId, IReadOnlyList<string> topicFilters)
    {
        var remaining = 2 + topicFilters.Sum(StringSize);
        var span = writer.GetSpan(5 + remaining);
        var at = WriteHeader(span, 0xA2, remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], packetId);
        at += 2;
        foreach (var filter in topicFilters)
        {
            at += WriteString(span[at..], filter);
        }
        writer.Advance(at);
    }

    public static void WritePingReq(IBufferWriter<byte> writer) => WriteFixed(writer, 0xC0);

    public static void WriteDisconnect(IBufferWriter<byte> writer) => WriteFixed(writer, 0xE0);

    private static void WriteSubAck(IBufferWriter<byte> writer, SubAckPacket subAck)
    {
        var span = writer.GetSpan(5 + 2 + subAck.ReturnCodes.Count);
        var at = WriteHeader(span, 0x90, 2 + subAck.ReturnCodes.Count);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], subAck.PacketId);
        at += 2;
        foreach (var code in subAck.ReturnCodes)
        {
            span[at++] = code;
        }
        writer.Advance(at);
    }

    private static void WriteIdOnly(IBufferWriter<byte> writer, byte first, ushort packetId)
    {
        var span = writer.GetSpan(4);
        span[0] = first;
        span[1] = 2;
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], packetId);
        writer.Advance(4);
    }

    private static void WriteFixed(IBufferWriter<byte> writer, byte first, params ReadOnlySpan<byte> body)
    {
        var span = writer.GetSpan(2 + body.Length);
        span[0] = first;
        span[1] = (byte)body.Length;
        body.CopyTo(span[2..]);
        writer.Advance(2 + body.Length);
    }

    private static int WriteHeader(Span<byte> span, byte first, int remaining)
    {
        if (remaining > MqttPacketReader.MaxRemainingLength)
        {
            throw new ArgumentException($"A packet of {remaining} bytes is larger than MQTT allows ({MqttPacketReader.MaxRemainingLength}).");
        }
        span[0] = first;
        var at = 1;
        do
        {
            var digit = (byte)(remaining & 0x7F);
            remaining >>= 7;
            span[at++] = remaining > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (remaining > 0);
        return at;
    }

    private static int StringSize(string value) => 2 + Encoding.UTF8.GetByteCount(value);

    private static int WriteString(Span<byte> span, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, span[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length);
        return 2 + length;
    }
}
