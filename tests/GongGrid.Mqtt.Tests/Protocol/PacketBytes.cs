using System.Buffers;
using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Tests.Protocol;

/// <summary>Encoding, decoding and printing helpers for codec tests.</summary>
internal static class PacketBytes
{
    public static byte[] Encode(MqttPacket packet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MqttPacketWriter.Write(buffer, packet);
        return buffer.WrittenSpan.ToArray();
    }

    public static MqttPacket Decode(byte[] bytes, int maxPacketSize = MqttClientOptions.DefaultMaxPacketSize) => Decode(new ReadOnlySequence<byte>(bytes), maxPacketSize);

    public static MqttPacket Decode(ReadOnlySequence<byte> bytes, int maxPacketSize = MqttClientOptions.DefaultMaxPacketSize)
    {
        Assert.True(MqttPacketReader.TryRead(ref bytes, maxPacketSize, out var packet), "expected a whole packet");
        Assert.True(bytes.IsEmpty, $"{bytes.Length} bytes left after the packet");
        return packet;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    /// <summary>Field-by-field text of a packet, payloads and lists included (records compare those by reference).</summary>
    public static string Describe(MqttPacket packet) => packet switch
    {
        ConnectPacket c => $"CONNECT {c.ClientId} clean={c.CleanSession} keepAlive={c.KeepAliveSeconds} user={c.Username} password={c.Password} " +
            (c.Will is { } w ? $"will={w.Topic}:{Convert.ToHexString(w.Payload.Span)}:{w.Qos}:{w.Retain}" : "no will"),
        PublishPacket p => $"PUBLISH {p.Topic} {Convert.ToHexString(p.Payload.Span)} {p.Qos} retain={p.Retain} dup={p.Dup} id={p.PacketId}",
        SubscribePacket s => $"SUBSCRIBE {s.PacketId} {string.Join(",", s.Subscriptions.Select(x => $"{x.TopicFilter}@{x.Qos}"))}",
        SubAckPacket s => $"SUBACK {s.PacketId} {string.Join(",", s.ReturnCodes)}",
        UnsubscribePacket u => $"UNSUBSCRIBE {u.PacketId} {string.Join(",", u.TopicFilters)}",
        _ => packet.ToString(),
    };

    /// <summary>The same bytes as a sequence of two segments split at <paramref name="at"/>.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int at)
    {
        var first = new Segment(bytes.AsMemory(0, at), 0);
        var second = first.Append(bytes.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
