using System.Text;
using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// Hundreds of broken messages (not JSON, wrong types, missing or oversized fields, binary garbage, unknown
/// devices, events a device cannot send, bad topics) interleaved with good ones. The bridge must keep running,
/// acknowledge every message to the broker, count each bad one under its documented reason, pass every good one
/// on, and let no bad one reach the grid.
/// </summary>
public sealed class FuzzedPayloadTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const string Village = "ngoc-lac/ngoc-lien/minh-tien";
    private const string OtherVillage = "ngoc-lac/ngoc-lien/tan-lap";
    private const int StrikesPerGong = 50;

    [Fact]
    public async Task Bad_messages_are_counted_by_reason_and_acknowledged_and_only_good_events_reach_the_grid()
    {
        await using var rig = await BridgeRig.StartAsync([Village, OtherVillage], logPackets: true);
        var bridge = await rig.StartConnectedAsync();

        var random = new Random(20251122);
        var bad = BadMessages(random);
        var good = Strikes.Interleave(
            Strikes.InVillage(Village, ["gong-2", "gong-3"], StrikesPerGong, "fuzz-good"),
            Strikes.InVillage(OtherVillage, ["gong-1", "gong-2"], StrikesPerGong, "fuzz-good"));
        good.AddRange(Enumerable.Range(1, 20).Select(index => DeviceMessage.Json(
            $"gonggrid/v1/{Village}/alarm-button-1/heartbeat",
            $$"""{"eventId":"fuzz-hb-{{index}}","time":{{TonightInTheTests.PeaceAt.AddSeconds(index).ToUnixTimeMilliseconds()}},"seq":{{index}},"battery":64,"signal":-87,"firmware":"2.1"}""")));
        var messages = good.Select(message => (Message: message, Reason: (string?)null))
            .Concat(bad.Select(entry => (Message: entry.Message, Reason: (string?)entry.Reason)))
            .OrderBy(_ => random.Next())
            .ToList();

        await using (var publisher = await rig.PublisherAsync("fuzzer"))
        {
            await publisher.PublishAsync([.. messages.Select(entry => entry.Message)]).WaitAsync(TimeSpan.FromSeconds(60));
        }

        var page = await bridge.MetricsUntilAsync(page => page.Received >= messages.Count, $"the bridge received all {messages.Count} messages", TimeSpan.FromSeconds(30));
        var expectedStrikes = new Dictionary<string, int> { [Village] = StrikesPerGong, [OtherVillage] = StrikesPerGong };
        var counts = await rig.StrikeCountsWhenAsync(Commune, expectedStrikes, TimeSpan.FromSeconds(60));
        page = await bridge.MetricsUntilAsync(page => page.JournalDepth == 0, "the good events were acknowledged by the grid", TimeSpan.FromSeconds(30));
        var brokerAcks = await rig.PubacksFromBridgeWhenAsync(messages.Count, TimeSpan.FromSeconds(10));
        var expectedRejections = bad.GroupBy(entry => entry.Reason).ToDictionary(group => group.Key, group => (long)group.Count());

        output.WriteLine($"{messages.Count} messages: {good.Count} good, {bad.Count} bad ({string.Join(", ", expectedRejections.Select(pair => $"{pair.Key} {pair.Value}"))})");
        output.WriteLine($"bridge: {page}; the broker received {brokerAcks} PUBACKs from it");
        output.WriteLine($"strike counts: {string.Join(", ", counts)}");

        Assert.False(bridge.Process.HasExited, $"the bridge exited\n{rig.Describe()}");
        Assert.DoesNotContain("failed unexpectedly", bridge.Process.Errors, StringComparison.Ordinal);
        Assert.Equal(messages.Count, page.Received);
        Assert.Equal(expectedRejections.OrderBy(pair => pair.Key), page.Rejected.OrderBy(pair => pair.Key));
        Assert.Equal(0, page.RejectedFor("grid"));
        Assert.Equal(good.Count, page.Journaled);
        Assert.Equal(good.Count, page.Acknowledged - page.Duplicates);
        Assert.Equal(messages.Count, brokerAcks);
        Assert.True(expectedStrikes.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}; expected {StrikesPerGong} in each village (the strikes of its busiest gong)\n{rig.Describe()}");
    }

    /// <summary>A few hundred broken messages, each with the reason the bridge must count it under.</summary>
    private static List<(DeviceMessage Message, string Reason)> BadMessages(Random random)
    {
        var strikeTopic = $"gonggrid/v1/{Village}/gong-2/strike";
        var time = TonightInTheTests.DeviceTime(TimeSpan.FromSeconds(1));
        string Id() => $"fuzz-bad-{random.Next():x8}";
        var payloadFaults = new Func<string>[]
        {
            () => "22:00 strike",
            () => "{",
            () => "",
            () => "null",
            () => "[1,2,3]",
            () => "\"strike\"",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":"7"}""",
            () => $$"""{"eventId":{{random.Next()}},"time":"{{time}}","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":true,"seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7.5}""",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"striker":12}""",
            () => $$"""{"time":"{{time}}","seq":7}""",
            () => $$"""{"eventId":"","time":"{{time}}","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}"}""",
            () => $$"""{"eventId":"{{Id()}}","time":"2025-11-22T22:00:01","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":"yesterday at ten","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":1.5e12,"seq":7}""",
            () => $$"""{"eventId":"{{new string('x', 129 + random.Next(200))}}","time":"{{time}}","seq":7}""",
            () => $$"""{"eventId":"   ","time":"{{time}}","seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":-{{1 + random.Next(1000)}}}""",
            () => $$"""{"eventId":"{{Id()}}","time":{{long.MaxValue - random.Next(1000)}},"seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":-{{long.MaxValue - random.Next(1000)}},"seq":7}""",
            () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"padding":"{{new string('p', 4100 + random.Next(8000))}}"}""",
            () => new string('[', 100) + new string(']', 100),
        };
        var messages = new List<(DeviceMessage, string)>();
        for (var index = 0; index < 250; index++)
        {
            messages.Add((DeviceMessage.Json(strikeTopic, payloadFaults[index % payloadFaults.Length]()), "payload"));
        }

        // Other kinds' fields: out of range, unknown choices, a heartbeat battery that is no percentage.
        var buttonTopic = $"gonggrid/v1/{Village}/alarm-button-1";
        messages.Add((DeviceMessage.Json($"{buttonTopic}/heartbeat", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"battery":150}"""), "payload"));
        messages.Add((DeviceMessage.Json($"{buttonTopic}/heartbeat", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"battery":"full"}"""), "payload"));
        messages.Add((DeviceMessage.Json($"{buttonTopic}/alarm", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"alarm":"storm"}"""), "payload"));
        messages.Add((DeviceMessage.Json($"{buttonTopic}/alarm", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"alarm":"1"}"""), "payload"));
        messages.Add((DeviceMessage.Json($"{buttonTopic}/alarm", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7}"""), "payload"));

        // Binary garbage, and JSON with bytes that are not UTF-8 inside a string.
        for (var index = 0; index < 40; index++)
        {
            var garbage = new byte[1 + random.Next(300)];
            random.NextBytes(garbage);
            garbage[0] = (byte)(0x80 + random.Next(0x80)); // never a JSON start, so never valid by chance
            messages.Add((new DeviceMessage(strikeTopic, garbage), "payload"));
        }
        for (var index = 0; index < 10; index++)
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"eventId":"bad-utf8-XX","time":"{{time}}","seq":7}""");
            var at = Array.IndexOf(payload, (byte)'X');
            payload[at] = 0xC3;
            payload[at + 1] = (byte)(0x28 + index); // not a continuation byte
            messages.Add((new DeviceMessage(strikeTopic, payload), "payload"));
        }

        // Well-formed events the bridge's roster refuses.
        var goodPayload = () => $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7}""";
        for (var index = 0; index < 30; index++)
        {
            messages.Add((DeviceMessage.Json($"gonggrid/v1/{Village}/gong-{9 + index}/strike", goodPayload()), "unknown-device"));
            messages.Add((DeviceMessage.Json($"gonggrid/v1/{Village}/speaker-1/heartbeat", goodPayload()), "unknown-device"));
            messages.Add((DeviceMessage.Json($"{buttonTopic}/strike", goodPayload()), "wrong-kind"));
            messages.Add((DeviceMessage.Json($"gonggrid/v1/{Village}/gong-2/alarm", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"alarm":"fire"}"""), "wrong-kind"));
            messages.Add((DeviceMessage.Json($"gonggrid/v1/{Village}/gong-2/playback", $$"""{"eventId":"{{Id()}}","time":"{{time}}","seq":7,"program":"peace"}"""), "wrong-kind"));
        }

        // Topics under the bridge's subscription that are not event topics of the contract.
        foreach (var topic in new[] { "gong-2/bang", "Gong-2/strike", "gong_2/strike", "gong-2/STRIKE", "gong-2/strikes", "-/strike" })
        {
            for (var index = 0; index < 5; index++)
            {
                messages.Add((DeviceMessage.Json($"gonggrid/v1/{Village}/{topic}", goodPayload()), "topic"));
            }
        }
        return messages;
    }
}
