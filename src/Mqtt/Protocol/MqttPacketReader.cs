using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GongGrid.Mqtt.Protocol;

/// <summary>
/// Frames and decodes packets from received bytes, validating everything: the fixed header (type, flags, remaining
/// length), the size limit (checked as soon as the length is known, before the body is buffered) and every field.
/// </summary>
internal static class MqttPacketReader
{
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>
    /// Takes one whole packet off the front of <paramref name="buffer"/>; false when more bytes are needed.
    /// Throws <see cref="MqttProtocolException"/> for anything invalid.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxPacketSize, [NotNullWhen(true)] out MqttPacket? packet)
    {
        packet = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var first))
        {
            return false;
        }
        var type = first >> 4;
        if (type is 0 or 15)
        {
            throw new MqttProtocolException($"reserved packet type {type} (first byte 0x{first:X2})");
        }
        if (!TryReadRemainingLength(ref reader, out var remaining))
        {
            return false;
        }
        var total = reader.Consumed + remaining;
        if (total > maxPacketSize)
        {
            throw new MqttProtocolException($"{((MqttPacketType)type).SpecName()} packet of {total} bytes exceeds the maximum {maxPacketSize}");
        }
        if (reader.Remaining < remaining)
        {
            return false;
        }
        var body = buffer.Slice(reader.Position, remaining);
        packet = Decode(first, body);
        buffer = buffer.Slice(body.End);
        return true;
    }

    private static bool TryReadRemainingLength(ref SequenceReader<byte> reader, out int value)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!reader.TryRead(out var digit))
            {
                return false;
            }
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0)
            {
                return true;
            }
        }
        throw new MqttProtocolException("remaining length exceeds 4 bytes");
    }

    private static MqttPacket Decode(byte first, ReadOnlySequence<byte> body)
    {
        var type = (MqttPacketType)(first >> 4);
        var name = type.SpecName();
        var flags = first & 0x0F;
        if (type != MqttPacketType.Publish)
        {
            var expected = type is MqttPacketType.Subscribe or MqttPacketType.Unsubscribe or MqttPacketType.PubRel ? 2 : 0;
            if (flags != expected)
            {
                throw new MqttProtocolException($"{name} with fixed header flags 0x{flags:X} (must be 0x{expected:X})");
            }
        }
        var reader = new MqttBodyReader(body, name);
        MqttPacket packet = type switch
        {
            MqttPacketType.Connect => ReadConnect(ref reader),
            MqttPacketType.ConnAck => ReadConnAck(ref reader),
            MqttPacketType.Publish => ReadPublish(ref reader, flags),
            MqttPacketType.PubAck => new PubAckPacket(reader.ReadPacketId()),
            MqttPacketType.Subscribe => ReadSubscribe(ref reader),
            MqttPacketType.SubAck => ReadSubAck(ref reader),
            MqttPacketType.Unsubscribe => ReadUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(reader.ReadPacketId()),
            MqttPacketType.PingReq => PingReqPacket.Instance,
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect => DisconnectPacket.Instance,
            _ => throw new MqttProtocolException($"{name} belongs to the QoS 2 flow, which this client never uses"),
        };
        reader.ExpectEnd();
        return packet;
    }

    private static ConnectPacket ReadConnect(ref MqttBodyReader reader)
    {
        var protocol = reader.ReadString("protocol name");
        if (protocol != "MQTT")
        {
            throw new MqttProtocolException($"CONNECT for protocol '{protocol}' (expected 'MQTT')");
        }
        var level = reader.ReadByte("protocol level");
        if (level != 4)
        {
            throw new MqttProtocolException($"CONNECT with protocol level {level} (MQTT 3.1.1 is 4)");
        }
        var flags = reader.ReadByte("connect flags");
        var hasWill = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 3;
        var willRetain = (flags & 0x20) != 0;
        var hasPassword = (flags & 0x40) != 0;
        var hasUsername = (flags & 0x80) != 0;
        if ((flags & 0x01) != 0)
        {
            throw new MqttProtocolException("CONNECT with the reserved connect flag set");
        }
        if (!hasWill && (willQos != 0 || willRetain))
        {
            throw new MqttProtocolException("CONNECT with a will QoS or will retain but no will");
        }
        if (willQos > 1)
        {
            throw new MqttProtocolException($"CONNECT with will QoS {willQos}");
        }
        if (hasPassword && !hasUsername)
        {
            throw new MqttProtocolException("CONNECT with a password but no user name");
        }
        var keepAlive = reader.ReadUInt16("keep alive");
        var clientId = reader.ReadString("client identifier");
        MqttWill? will = null;
        if (hasWill)
        {
            var topic = ReadTopicName(ref reader, "CONNECT will topic");
            will = new MqttWill(topic, reader.ReadBinary("will message"), (MqttQos)willQos, willRetain);
        }
        var username = hasUsername ? reader.ReadString("user name") : null;
        var password = hasPassword ? Encoding.UTF8.GetString(reader.ReadBinary("password")) : null;
        return new ConnectPacket(clientId, (flags & 0x02) != 0, keepAlive, username, password, will);
    }

    private static ConnAckPacket ReadConnAck(ref MqttBodyReader reader)
    {
        var flags = reader.ReadByte("acknowledge flags");
        if ((flags & 0xFE) != 0)
        {
            throw new MqttProtocolException($"CONNACK with reserved acknowledge flags set (0x{flags:X2})");
        }
        var code = reader.ReadByte("return code");
        if (code > (byte)MqttConnectReturnCode.NotAuthorized)
        {
            throw new MqttProtocolException($"CONNACK with unknown return code {code}");
        }
        if (code != 0 && flags != 0)
        {
            throw new MqttProtocolException("CONNACK refusing the connection yet claiming a session is present");
        }
        return new ConnAckPacket(flags == 1, (MqttConnectReturnCode)code);
    }

    private static PublishPacket ReadPublish(ref MqttBodyReader reader, int flags)
    {
        var qos = (flags >> 1) & 3;
        if (qos == 3)
        {
            throw new MqttProtocolException("PUBLISH with QoS 3");
        }
        var dup = (flags & 0x08) != 0;
        if (dup && qos == 0)
        {
            throw new MqttProtocolException("PUBLISH with DUP set at QoS 0");
        }
        var topic = ReadTopicName(ref reader, "PUBLISH topic");
        var packetId = qos > 0 ? reader.ReadPacketId() : (ushort)0;
        return new PublishPacket(topic, reader.ReadRest(), (MqttQos)qos, (flags & 0x01) != 0, dup, packetId);
    }

    private static SubscribePacket ReadSubscribe(ref MqttBodyReader reader)
    {
        var packetId = reader.ReadPacketId();
        var subscriptions = new List<MqttSubscription>();
        while (reader.Remaining > 0)
        {
            var filter = ReadTopicFilter(ref reader, "SUBSCRIBE");
            var qos = reader.ReadByte("requested QoS");
            if (qos > 2)
            {
                throw new MqttProtocolException($"SUBSCRIBE requesting QoS byte 0x{qos:X2} for '{filter}'");
            }
            subscriptions.Add(new MqttSubscription(filter, (MqttQos)qos));
        }
        return subscriptions.Count > 0 ? new SubscribePacket(packetId, subscriptions) : throw new MqttProtocolException("SUBSCRIBE with no topic filter");
    }

    private static SubAckPacket ReadSubAck(ref MqttBodyReader reader)
    {
        var packetId = reader.ReadPacketId();
        var codes = new List<byte>();
        while (reader.Remaining > 0)
        {
            var code = reader.ReadByte("return code");
            if (code is > 2 and not SubAckPacket.Failure)
            {
                throw new MqttProtocolException($"SUBACK with invalid return code 0x{code:X2}");
            }
            codes.Add(code);
        }
        return codes.Count > 0 ? new SubAckPacket(packetId, codes) : throw new MqttProtocolException("SUBACK with no return code");
    }

    private static UnsubscribePacket ReadUnsubscribe(ref MqttBodyReader reader)
    {
        var packetId = reader.ReadPacketId();
        var filters = new List<string>();
        while (reader.Remaining > 0)
        {
            filters.Add(ReadTopicFilter(ref reader, "UNSUBSCRIBE"));
        }
        return filters.Count > 0 ? new UnsubscribePacket(packetId, filters) : throw new MqttProtocolException("UNSUBSCRIBE with no topic filter");
    }

    private static string ReadTopicName(ref MqttBodyReader reader, string what)
    {
        var topic = reader.ReadString("topic name");
        return MqttTopics.NameError(topic) is { } error ? throw new MqttProtocolException($"{what} '{topic}' {error}") : topic;
    }

    private static string ReadTopicFilter(ref MqttBodyReader reader, string packet)
    {
        var filter = reader.ReadString("topic filter");
        return MqttTopics.FilterError(filter) is { } error ? throw new MqttProtocolException($"{packet} topic filter '{filter}' {error}") : filter;
    }
}
