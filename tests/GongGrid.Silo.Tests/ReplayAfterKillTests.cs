using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;
using Xunit.Abstractions;

namespace GongGrid.Silo.Tests;

/// <summary>After a kill the bridge sends everything again; the grid applies each event exactly once.</summary>
public sealed class ReplayAfterKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Replaying_the_whole_file_after_the_kill_applies_each_event_exactly_once()
    {
        using var night = await KilledIngest.RunAsync();
        Assert.InRange(night.Acks.Count, 1, night.Events.Count - 1);

        var replay = await SiloProcess.RunAsync(night.Scratch.Path,
            "ingest", night.EventsFile, "--data", night.Scratch.Data, "--clock", KillHuyen.IngestClock);

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal($"{night.Events.Count} acknowledged, 0 rejected", replay.Output[^1]);
        var answers = IngestAck.All(replay.Output);
        Assert.Equal(night.Events.Select(line => (line.DeviceKey, line.EventId)), answers.Select(ack => (ack.DeviceKey, ack.EventId)));
        var ackedBeforeKill = night.Events.Select(line => night.Acks.Any(ack => ack.Acknowledges(line))).ToList();
        var dispositions = answers.Select(ack => ack.Disposition).ToList();
        Assert.All(Enumerable.Range(0, night.Events.Count).Where(index => ackedBeforeKill[index]), index => Assert.Equal("duplicate", dispositions[index]));
        // Ingest takes one event at a time: the one in flight at the kill may have been persisted before its ack
        // went out (then it is a duplicate now, which is at-least-once working); every later one is applied now.
        var inFlight = ackedBeforeKill.IndexOf(false);
        Assert.Contains(dispositions[inFlight], new[] { "applied", "duplicate" });
        Assert.All(Enumerable.Range(inFlight + 1, night.Events.Count - inFlight - 1), index => Assert.Equal("applied", dispositions[index]));
        Assert.DoesNotContain(answers, ack => ack.ClockSkewed);
        output.WriteLine($"{night.Acks.Count} of {night.Events.Count} acked before the kill; replay: {dispositions.Count(kind => kind == "duplicate")} duplicate, {dispositions.Count(kind => kind == "applied")} applied");

        var report = ReportJson.Parse(await KillHuyen.ReportAsync(night.Scratch));
        var villages = night.Events.Select(line => line.VillageKey).Distinct().ToList();
        Assert.All(villages, village => Assert.Equal(new VillageOutcome("OnTime", DeviceEventLines.PeaceStrikes), report.Villages[village]));
        Assert.Equal(villages.Count, report.OnTimeTotal);
    }
}
