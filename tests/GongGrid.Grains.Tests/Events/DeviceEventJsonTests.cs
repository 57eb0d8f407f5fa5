using System.Text.Json;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Tests.Events;

/// <summary>The device payload rules both the silo's ingest command and the edge bridge apply.</summary>
public sealed class DeviceEventJsonTests
{
    private static DeviceEvent Parse(string kind, string json) => DeviceEventJson.Parse(kind, JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("alarm", """{"eventId":"b1","time":1795359600000,"seq":1,"alarm":"unknown"}""", "'alarm' is 'unknown'; expected one of fire, flood, crime, violence, disaster, other.")]
    [InlineData("alarm", """{"eventId":"b1","time":1795359600000,"seq":1,"alarm":"fire,flood"}""", "'alarm' is 'fire,flood'; expected one of fire, flood, crime, violence, disaster, other.")]
    [InlineData("alarm", """{"eventId":"b1","time":1795359600000,"seq":1,"alarm":"2"}""", "'alarm' is '2'; expected one of fire, flood, crime, violence, disaster, other.")]
    [InlineData("alarm", """{"eventId":"b1","time":1795359600000,"seq":1,"alarm":"Fire"}""", "'alarm' is 'Fire'; expected one of fire, flood, crime, violence, disaster, other.")]
    [InlineData("playback", """{"eventId":"s1","time":1795359600000,"seq":1,"program":"music"}""", "'program' is 'music'; expected one of peace, alarm.")]
    [InlineData("playback", """{"eventId":"s1","time":1795359600000,"seq":1,"program":"PEACE"}""", "'program' is 'PEACE'; expected one of peace, alarm.")]
    [InlineData("heartbeat", """{"eventId":"h1","time":"2026-11-22T22:00:00","seq":1}""", "'time' must be RFC 3339 with an offset (2026-11-22T22:00:01+07:00) or Unix milliseconds, not 2026-11-22T22:00:00.")]
    [InlineData("strike", """{"eventId":"g1","time":1795359600000,"seq":-1}""", "'seq' must be 0 or more, not -1.")]
    [InlineData("strike", """{"eventId":"g1","time":999999999999999999,"seq":1}""", "'time' 999999999999999999 is outside the Unix milliseconds of the years 1 to 9999.")]
    [InlineData("strike", """{"eventId":"  ","time":1795359600000,"seq":1}""", "'eventId' must be 1 to 128 characters, not all blank; it has 2.")]
    public void A_value_outside_the_contract_is_refused_naming_the_field(string kind, string json, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Parse(kind, json)).Message);

    /// <summary>Issue 14: times with 8 or 9 fraction digits (Go's RFC3339Nano) and a lowercase t or z were refused.</summary>
    [Theory]
    [InlineData("2026-11-28T02:59:03.399456789+07:00", "2026-11-28T02:59:03.3994567+07:00")]
    [InlineData("2026-11-28T02:59:03.39945678+07:00", "2026-11-28T02:59:03.3994567+07:00")]
    [InlineData("2026-11-28T02:59:03.123456789012-03:30", "2026-11-28T02:59:03.1234567-03:30")]
    [InlineData("2026-11-27T19:59:03.399456789Z", "2026-11-27T19:59:03.3994567+00:00")]
    [InlineData("2026-11-28t02:59:03+07:00", "2026-11-28T02:59:03.0000000+07:00")]
    [InlineData("2026-11-27T19:59:03z", "2026-11-27T19:59:03.0000000+00:00")]
    [InlineData("2026-11-27t19:59:03.5z", "2026-11-27T19:59:03.5000000+00:00")]
    public void Every_rfc_3339_time_with_an_offset_is_read_to_the_tenth_of_a_microsecond(string time, string expected)
    {
        var deviceEvent = Parse("strike", $$"""{"eventId":"g1","time":"{{time}}","seq":1}""");

        Assert.Equal(expected, deviceEvent.DeviceTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-28 02:59:03+07:00")]
    [InlineData("2026-11-28T02:59:03.5")]
    public void A_time_that_is_not_rfc_3339_with_an_offset_is_refused(string time) =>
        Assert.StartsWith("'time' must be RFC 3339", Assert.Throws<FormatException>(() => Parse("strike", $$"""{"eventId":"g1","time":"{{time}}","seq":1}""")).Message);

    [Fact]
    public void A_payload_the_simulator_formats_reads_back_as_the_same_event()
    {
        DeviceEvent[] events =
        [
            new StrikeEvent("g1-1", new DateTimeOffset(2026, 11, 22, 22, 0, 1, TimeSpan.FromHours(7)), 17, "striker-2"),
            new HeartbeatEvent("g1-hb", new DateTimeOffset(2026, 11, 22, 22, 5, 0, TimeSpan.Zero), 18, 64, -87),
            new AlarmButtonEvent("b1-7", new DateTimeOffset(2026, 11, 22, 23, 41, 10, TimeSpan.FromHours(7)), 7, AlarmKind.Flood),
            new PlaybackEvent("s1-3", new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.FromHours(7)), 3, PlaybackProgram.Peace),
        ];

        foreach (var deviceEvent in events)
        {
            var json = JsonDocument.Parse(DeviceEventJson.Format(deviceEvent)).RootElement;
            Assert.Equal(deviceEvent, DeviceEventJson.Parse(DeviceEventJson.KindOf(deviceEvent), json));
        }
    }
}
