using GongGrid.Mqtt.Protocol;
using static GongGrid.Mqtt.Tests.Protocol.PacketBytes;

namespace GongGrid.Mqtt.Tests.Protocol;

public class InvalidPacketTests
{
    [Theory]
    [InlineData("00 00", "reserved packet type 0")]
    [InlineData("F0 00", "reserved packet type 15")]
    [InlineData("30 FF FF FF FF 01", "remaining length exceeds 4 bytes")]
    [InlineData("30 E0 A7 12", "PUBLISH packet of 300004 bytes exceeds the maximum 262144")]
    [InlineData("36 05 00 01 61 00 01", "PUBLISH with QoS 3")]
    [InlineData("38 03 00 01 61", "PUBLISH with DUP set at QoS 0")]
    [InlineData("30 03 00 01 23", "PUBLISH topic '#' contains a wildcard")]
    [InlineData("30 02 00 00", "PUBLISH topic '' is empty")]
    [InlineData("30 04 00 02 C3 28", "PUBLISH topic name is not well-formed UTF-8")]
    [InlineData("30 05 00 03 ED A0 80", "PUBLISH topic name is not well-formed UTF-8")]
    [InlineData("30 03 00 01 00", "PUBLISH topic name contains U+0000")]
    [InlineData("30 03 00 05 61", "PUBLISH ends before its topic name")]
    [InlineData("32 03 00 01 61", "PUBLISH ends before its packet identifier")]
    [InlineData("32 05 00 01 61 00 00", "PUBLISH with packet identifier 0")]
    [InlineData("41 02 00 01", "PUBACK with fixed header flags 0x1 (must be 0x0)")]
    [InlineData("40 03 00 01 00", "PUBACK has 1 unexpected bytes after its last field")]
    [InlineData("40 01 00", "PUBACK ends before its packet identifier")]
    [InlineData("20 02 02 00", "CONNACK with reserved acknowledge flags set")]
    [InlineData("20 02 00 06", "CONNACK with unknown return code 6")]
    [InlineData("20 02 01 05", "CONNACK refusing the connection yet claiming a session is present")]
    [InlineData("90 03 00 01 03", "SUBACK with invalid return code 0x03")]
    [InlineData("90 02 00 01", "SUBACK with no return code")]
    [InlineData("80 06 00 01 00 01 61 01", "SUBSCRIBE with fixed header flags 0x0 (must be 0x2)")]
    [InlineData("82 0A 00 01 00 05 61 2F 23 2F 62 01", "SUBSCRIBE topic filter 'a/#/b' has a # that is not the whole last level")]
    [InlineData("82 08 00 01 00 03 61 2B 62 01", "SUBSCRIBE topic filter 'a+b' has a + that is not a whole level")]
    [InlineData("82 06 00 01 00 01 61 04", "SUBSCRIBE requesting QoS byte 0x04")]
    [InlineData("50 02 00 01", "PUBREC belongs to the QoS 2 flow")]
    [InlineData("62 02 00 01", "PUBREL belongs to the QoS 2 flow")]
    [InlineData("D0 01 00", "PINGRESP has 1 unexpected bytes")]
    [InlineData("E1 00", "DISCONNECT with fixed header flags 0x1")]
    [InlineData("10 0C 00 04 4D 51 54 54 03 02 00 3C 00 00", "CONNECT with protocol level 3 (MQTT 3.1.1 is 4)")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 40 00 3C 00 00", "CONNECT with a password but no user name")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 03 00 3C 00 00", "CONNECT with the reserved connect flag set")]
    public void Invalid_encodings_are_refused_with_what_was_wrong(string hex, string expected)
    {
        var error = Assert.Throws<MqttProtocolException>(() => Decode(Hex(hex)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Oversize_packet_is_refused_from_its_header_alone_before_the_body_arrives()
    {
        var header = Hex("30 E0 A7 12");

        var error = Assert.Throws<MqttProtocolException>(() => Decode(header, maxPacketSize: 262_144));

        Assert.Equal("PUBLISH packet of 300004 bytes exceeds the maximum 262144", error.Message);
    }

    [Theory]
    [InlineData("gonggrid/v1/ngoc-lac/cao-thinh/lang-moi/gong-1/strike", null)]
    [InlineData("a/+/b", "contains a wildcard (+ or #)")]
    [InlineData("a/#", "contains a wildcard (+ or #)")]
    [InlineData("", "is empty")]
    [InlineData("a\0b", "contains U+0000")]
    public void Topic_names_follow_the_specification(string topic, string? expected) =>
        Assert.Equal(expected, MqttTopics.NameError(topic));

    [Theory]
    [InlineData("gonggrid/v1/+/+/+/+/#", null)]
    [InlineData("#", null)]
    [InlineData("+", null)]
    [InlineData("/+/", null)]
    [InlineData("a/#/b", "has a # that is not the whole last level")]
    [InlineData("a/b#", "has a # that is not the whole last level")]
    [InlineData("a/b+", "has a + that is not a whole level")]
    [InlineData("", "is empty")]
    public void Topic_filters_follow_the_specification(string filter, string? expected) =>
        Assert.Equal(expected, MqttTopics.FilterError(filter));

    [Fact]
    public void A_topic_with_an_unpaired_surrogate_is_refused_before_sending() =>
        Assert.Equal("contains an unpaired surrogate", MqttTopics.NameError("a" + (char)0xD800 + "b"));

    [Fact]
    public void A_topic_longer_than_65535_bytes_is_refused_before_sending() =>
        Assert.Equal("is 70000 bytes of UTF-8, more than 65535", MqttTopics.NameError(new string('a', 70_000)));
}
