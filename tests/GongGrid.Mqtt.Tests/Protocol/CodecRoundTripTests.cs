using System.Buffers;
using GongGrid.Mqtt.Protocol;
using static GongGrid.Mqtt.Tests.Protocol.PacketBytes;

namespace GongGrid.Mqtt.Tests.Protocol;

public class CodecRoundTripTests
{
    public static TheoryData<string> PacketNames => [.. Samples.Keys];

    private static readonly Dictionary<string, MqttPacket> Samples = new()
    {
        ["connect minimal"] = new ConnectPacket("bridge-1", true, 30),
        ["connect full"] = new ConnectPacket("bridge-ngoc-lac", false, 65535, "kẻng", "mật khẩu", new MqttWill("gonggrid/v1/bridge/status", Utf8("offline"), MqttQos.AtLeastOnce, true)),
        ["connack session present"] = new ConnAckPacket(true, MqttConnectReturnCode.Accepted),
        ["connack refused"] = new ConnAckPacket(false, MqttConnectReturnCode.BadUsernameOrPassword),
        ["publish qos 0"] = new PublishPacket("gonggrid/v1/ngoc-lac/cao-thinh/lang-moi/gong-1/strike", Utf8("{\"n\":9}"), MqttQos.AtMostOnce, false, false, 0),
        ["publish qos 1 dup retain"] = new PublishPacket("làng/mới", Utf8("x"), MqttQos.AtLeastOnce, true, true, 65535),
        ["publish empty payload"] = new PublishPacket("a", Array.Empty<byte>(), MqttQos.AtLeastOnce, false, false, 1),
        ["publish 200 KiB"] = new PublishPacket("big", new byte[200 * 1024], MqttQos.AtLeastOnce, false, false, 7),
        ["puback"] = new PubAckPacket(4242),
        ["subscribe"] = new SubscribePacket(9, [new("gonggrid/v1/+/+/+/+/#"), new("a/b", MqttQos.AtMostOnce)]),
        ["suback"] = new SubAckPacket(9, [1, 0, SubAckPacket.Failure]),
        ["unsubscribe"] = new UnsubscribePacket(10, ["a/#", "+/b"]),
        ["unsuback"] = new UnsubAckPacket(10),
        ["pingreq"] = PingReqPacket.Instance,
        ["pingresp"] = PingRespPacket.Instance,
        ["disconnect"] = DisconnectPacket.Instance,
    };

    [Theory]
    [MemberData(nameof(PacketNames))]
    public void Every_packet_type_decodes_to_what_was_encoded(string name)
    {
        var packet = Samples[name];

        var decoded = Decode(Encode(packet));

        Assert.Equal(Describe(packet), Describe(decoded));
    }

    [Theory]
    [MemberData(nameof(PacketNames))]
    public void A_packet_split_anywhere_across_buffers_waits_for_the_rest_then_decodes(string name)
    {
        var packet = Samples[name];
        var bytes = Encode(packet);
        var step = Math.Max(1, bytes.Length / 40);

        for (var at = 1; at < bytes.Length; at += step)
        {
            var prefix = new ReadOnlySequence<byte>(bytes, 0, at);
            Assert.False(MqttPacketReader.TryRead(ref prefix, MqttClientOptions.DefaultMaxPacketSize, out _));
            Assert.Equal(Describe(packet), Describe(Decode(Split(bytes, at))));
        }
    }

    [Fact]
    public void Two_packets_in_one_buffer_are_read_one_after_the_other()
    {
        var bytes = Encode(new PubAckPacket(1)).Concat(Encode(new PublishPacket("t", Utf8("p"), MqttQos.AtMostOnce, false, false, 0))).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.True(MqttPacketReader.TryRead(ref buffer, 1024, out var first));
        Assert.True(MqttPacketReader.TryRead(ref buffer, 1024, out var second));

        Assert.Equal(new PubAckPacket(1), first);
        Assert.Equal("PUBLISH t 70 AtMostOnce retain=False dup=False id=0", Describe(second));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "FF7F")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_151, "FFFF7F")]
    [InlineData(2_097_152, "80808001")]
    [InlineData(268_435_455, "FFFFFF7F")]
    public void Remaining_length_is_read_as_the_specification_varint(int remaining, string hex)
    {
        var total = 1 + (hex.Length / 2) + remaining;

        var error = Assert.Throws<MqttProtocolException>(() => Decode(Hex("30" + hex), maxPacketSize: 1));

        Assert.Equal($"PUBLISH packet of {total} bytes exceeds the maximum 1", error.Message);
    }

    [Theory]
    [InlineData(3, "03")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "FF7F")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_152, "80808001")]
    public void Remaining_length_is_written_as_the_specification_varint(int remaining, string expectedHex)
    {
        var buffer = new ArrayBufferWriter<byte>();

        MqttPacketWriter.WritePublish(buffer, "t", new byte[remaining - 3], MqttQos.AtMostOnce, false, false, 0);

        Assert.Equal(expectedHex, Convert.ToHexString(buffer.WrittenSpan.Slice(1, expectedHex.Length / 2)));
        Assert.Equal(1 + (expectedHex.Length / 2) + remaining, buffer.WrittenCount);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
