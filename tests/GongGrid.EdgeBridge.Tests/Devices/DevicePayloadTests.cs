using System.Text;
using GongGrid.EdgeBridge.Devices;
using GongGrid.Grains.Interfaces;

namespace GongGrid.EdgeBridge.Tests.Devices;

/// <summary>
/// Issue 14, item 5: a payload with bytes that are not UTF-8 was taken when they sat where the bridge does not read
/// (a value or a property name it ignores); docs/mqtt.md says such a payload is refused.
/// </summary>
public sealed class DevicePayloadTests
{
    private static readonly DeviceTopic Heartbeat = DeviceTopic.Parse("gonggrid/v1/ngoc-lac/ngoc-lien/phu-thuong/gong-1/heartbeat");

    [Theory]
    [InlineData("""{"eventId":"hb-1","time":"2026-11-22T22:00:00+07:00","seq":1,"place":"X"}""")]
    [InlineData("""{"eventId":"hb-1","time":"2026-11-22T22:00:00+07:00","seq":1,"X":"place"}""")]
    public void A_payload_with_bytes_that_are_not_utf_8_is_refused_even_where_the_bridge_reads_nothing(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        payload[Array.IndexOf(payload, (byte)'X')] = 0xC3; // a lead byte with no continuation: "Ã" in Latin-1, nothing in UTF-8

        var refused = Assert.Throws<FormatException>(() => DevicePayload.Parse(Heartbeat, payload));

        Assert.Equal("payload is not valid UTF-8", refused.Message);
    }

    [Fact]
    public void A_payload_in_utf_8_with_vietnamese_text_in_a_field_the_bridge_ignores_is_read()
    {
        var payload = Encoding.UTF8.GetBytes("""{"eventId":"hb-1","time":"2026-11-22T22:00:00+07:00","seq":1,"place":"Nhà văn hóa thôn Đồng Tâm"}""");

        Assert.Equal("hb-1", DevicePayload.Parse(Heartbeat, payload).EventId);
    }
}
