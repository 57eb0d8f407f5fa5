using GongGrid.Grains.Interfaces;
using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>A bad line in an ingest file is refused with its line number and what was wrong; the lines around it still count.</summary>
public sealed class MalformedEventLinesTests
{
    [Fact]
    public async Task Malformed_event_lines_are_rejected_with_the_reason_and_the_rest_are_applied()
    {
        using var scratch = new ScratchDirectory();
        await KillHuyen.ImportAsync(scratch);
        var gong = KillHuyen.Gongs[0];
        var button = KillHuyen.FirstDevice(DeviceKind.AlarmButton);
        var strikes = DeviceEventLines.PeaceRound(gong, KillHuyen.PeaceAt.AddSeconds(30)).Select(line => line.Json).ToList();
        var at = KillHuyen.PeaceAt.AddSeconds(10);
        string[] bad =
        [
            """{"device": "kill-huyen/a/b/gong-1", "kind": "strike", """,
            DeviceEventLines.Line(gong.DeviceKey, "strike", "no-id", at, 20).Replace("\"eventId\":\"no-id\",", "", StringComparison.Ordinal),
            DeviceEventLines.Line(gong.DeviceKey, "strike", "local-time", at, 21).Replace("+07:00", "", StringComparison.Ordinal),
            DeviceEventLines.Line($"{gong.VillageKey}/gong-99", "strike", "stranger", at, 1),
            DeviceEventLines.Line(gong.DeviceKey, "whistle", "whistle-1", at, 22),
            DeviceEventLines.Line(gong.DeviceKey, "heartbeat", "battery-150", at, 23).Replace("}", ",\"battery\":150}", StringComparison.Ordinal),
            DeviceEventLines.Line(button, "strike", "button-strike", at, 1),
        ];
        var heartbeat = DeviceEventLines.Line(gong.DeviceKey, "heartbeat", "battery-80", at, 24).Replace("}", ",\"battery\":80}", StringComparison.Ordinal);
        // Good and bad lines alternate: strikes on odd lines 1-15, bad lines 2-14, a good heartbeat on 16, the 9th strike on 17.
        var lines = strikes.Zip(bad.Append(heartbeat), (good, other) => new[] { good, other }).SelectMany(pair => pair).Concat(strikes.Skip(8)).ToList();
        var file = scratch.WriteLines("mixed.jsonl", lines);

        var ingest = await SiloProcess.RunAsync(scratch.Path, "ingest", file, "--data", scratch.Data, "--clock", KillHuyen.IngestClock);

        Assert.True(ingest.ExitCode == 1, ingest.ToString());
        Assert.True(ingest.Output[^1] == "10 acknowledged, 7 rejected", ingest.ToString());
        Assert.Equal(10, IngestAck.All(ingest.Output).Count(ack => ack.Disposition == "applied"));
        string[] reasons =
        [
            "reject line 2: malformed JSON: Expected start of a property name or value, but instead reached end of data.",
            "reject line 4: 'eventId' is missing",
            "reject line 6: 'time' must be RFC 3339 with an offset",
            $"reject line 8: Device '{gong.VillageKey}/gong-99' is not in the roster",
            "reject line 10: Unknown event kind 'whistle'; expected strike, heartbeat, alarm or playback",
            "reject line 12: 'battery' must be a percentage from 0 to 100, not 150",
            $"reject line 14: Device '{button}' cannot send strikes: the roster lists it as kind 'alarm-button', and only kind 'gong' sends strikes.",
        ];
        var rejects = ingest.Output.Where(line => line.StartsWith("reject", StringComparison.Ordinal)).ToList();
        Assert.Equal(reasons.Length, rejects.Count);
        Assert.All(reasons.Zip(rejects), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));

        var report = ReportJson.Parse(await KillHuyen.ReportAsync(scratch));
        Assert.Equal(new VillageOutcome("OnTime", DeviceEventLines.PeaceStrikes), report.Villages[gong.VillageKey]);
    }

    [Fact]
    public async Task An_oversize_line_is_rejected_without_reading_it_as_an_event()
    {
        using var scratch = new ScratchDirectory();
        await KillHuyen.ImportAsync(scratch);
        var gong = KillHuyen.Gongs[0];
        var strikes = DeviceEventLines.PeaceRound(gong, KillHuyen.PeaceAt.AddSeconds(30)).Select(line => line.Json).ToList();
        var oversize = strikes[0].Replace("}", $",\"striker\":\"{new string('x', 20_000)}\"}}", StringComparison.Ordinal);
        var file = scratch.WriteLines("oversize.jsonl", [oversize, .. strikes]);

        var ingest = await SiloProcess.RunAsync(scratch.Path, "ingest", file, "--data", scratch.Data, "--clock", KillHuyen.IngestClock);

        Assert.Contains(ingest.Output, line => line.StartsWith("reject line 1: 20,", StringComparison.Ordinal) && line.EndsWith("an event line is at most 16,384.", StringComparison.Ordinal));
        Assert.True(ingest.Output[^1] == $"{strikes.Count} acknowledged, 1 rejected", ingest.ToString());
    }
}
