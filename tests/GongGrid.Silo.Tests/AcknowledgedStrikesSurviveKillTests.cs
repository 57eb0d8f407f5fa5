using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;
using Xunit.Abstractions;

namespace GongGrid.Silo.Tests;

/// <summary>An acknowledged strike is in grain state on disk: it survives SIGKILL of the silo in the middle of the burst.</summary>
public sealed class AcknowledgedStrikesSurviveKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_strike_acknowledged_before_a_kill_9_is_in_village_state_after_restart()
    {
        using var night = await KilledIngest.RunAsync();

        // The kill landed mid-burst: some events acknowledged, not all, and the silo never got to its summary line.
        Assert.NotEmpty(night.Acks);
        Assert.True(night.Acks.Count < night.Events.Count, $"the ingest finished ({night.Acks.Count} of {night.Events.Count} acked) before the kill");
        Assert.DoesNotContain(night.Killed.Output, line => line.EndsWith("rejected", StringComparison.Ordinal));
        Assert.All(night.Acks, ack => Assert.Equal("applied", ack.Disposition));

        var report = ReportJson.Parse(await KillHuyen.ReportAsync(night.Scratch));
        var villages = night.Events.Select(line => line.VillageKey).Distinct().ToList();
        var struck = villages.Sum(village => report.Villages[village].StrikeCount);
        output.WriteLine($"killed after {night.Acks.Count} of {night.Events.Count} acks ({villages.Count(village => night.AckedIn(village) > 0)} of {villages.Count} villages); {struck} strikes in the report");
        Assert.All(villages, village =>
        {
            var acked = night.AckedIn(village);
            Assert.True(report.Villages[village].StrikeCount >= acked,
                $"{village}: {acked} strikes acknowledged before the kill, {report.Villages[village].StrikeCount} in the report");
        });

        // The report shows each commune's copy of its villages' outcomes. The village's own record is what answers
        // a resend: every acknowledged event must come back as a duplicate, none applied a second time.
        var acknowledged = night.Events.Where(line => night.Acks.Any(ack => ack.Acknowledges(line))).Select(line => line.Json);
        var resend = await SiloProcess.RunAsync(night.Scratch.Path, "ingest", night.Scratch.WriteLines("acknowledged.jsonl", acknowledged),
            "--data", night.Scratch.Data, "--clock", KillHuyen.IngestClock);
        Assert.True(resend.ExitCode == 0, resend.ToString());
        Assert.Equal(night.Acks.Count, IngestAck.All(resend.Output).Count(ack => ack.Disposition == "duplicate"));
    }
}
