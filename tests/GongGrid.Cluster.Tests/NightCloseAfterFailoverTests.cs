using System.Diagnostics;
using System.Text.Json.Nodes;
using GongGrid.Api.V1;
using GongGrid.Testing;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using GongGrid.Testing.Processes;
using Grpc.Core;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class NightCloseAfterFailoverTests(PostgresServer postgres)
{
    /// <summary>
    /// The night closes this long after 22:00 (the roster's lateWindow) instead of an hour, so the close comes while
    /// the test waits, on the silos' real-time clocks; from 21:59:40, when each silo's clock starts.
    /// </summary>
    private static readonly TimeSpan LateWindow = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan ClockStartToClose = LateWindow + TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_night_close_fires_for_the_villages_of_a_silo_killed_before_it_and_the_summary_becomes_final_and_exact()
    {
        using var scratch = new ScratchDirectory();
        var sinceFirstClock = Stopwatch.StartNew();
        await using var cluster = await SiloCluster.StartAsync(postgres.Server, silos: 3, new SiloLaunch { Roster = ShortNightRoster(scratch), Lifetime = TimeSpan.FromMinutes(10) });
        await cluster.ConnectManagementAsync();
        var senders = FailoverSender.Bridges(cluster);
        await FailoverSender.SendSharedAsync(senders, PeaceTraffic.Batches());

        // kill -9 the silo with the most village activations: their night-close reminders must fire on the others.
        var villagesBySilo = (await cluster.ActivationsAsync()).Where(activation => activation.Grain.Type.ToString() == "village")
            .GroupBy(activation => activation.Silo.Endpoint.Port).MaxBy(silo => silo.Count())!;
        var victim = cluster.Live.Single(silo => silo.SiloPort == villagesBySilo.Key);
        var survivor = cluster.Live.First(silo => silo != victim);
        var beforeKill = await survivor.NightSummaryAsync();
        Assert.True(sinceFirstClock.Elapsed < ClockStartToClose && !beforeKill.IsFinal,
            $"the kill came {sinceFirstClock.Elapsed.TotalSeconds:F0} s after the first silo's clock started, after the close; the night is too short for this machine");
        await victim.Process.KillAsync();

        var summary = await FinalSummaryAsync(survivor, deadline: ClockStartToClose - sinceFirstClock.Elapsed + TimeSpan.FromMinutes(3));

        Assert.True(summary.IsFinal, $"{villagesBySilo.Count()} villages were active on {victim.Name} when it was killed; {sinceFirstClock.Elapsed.TotalSeconds:F0} s after the first silo's clock started:\n{summary}\n{cluster.Describe()}");
        Assert.Equal(PeaceTraffic.ExpectedFinalCounts(), summary.Totals);
        Assert.Equal(PeaceTraffic.StrikesPerVillage(), (await survivor.StrikeCountsAsync()).Where(village => village.Value > 0).ToDictionary());
    }

    /// <summary>
    /// Asks the district's summary once a second until it is final. The summary is the district's own counts: asking
    /// activates no village, so only a village's close (its reminder) can make it final.
    /// </summary>
    private static async Task<NightSummary> FinalSummaryAsync(ClusterSilo silo, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        NightSummary? summary = null;
        while (summary?.IsFinal != true && clock.Elapsed < deadline)
        {
            try
            {
                summary = await silo.NightSummaryAsync();
            }
            catch (RpcException)
            {
                // The district's grain was on the killed silo and is not yet callable elsewhere.
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return summary ?? await silo.NightSummaryAsync();
    }

    /// <summary>
    /// The sample roster with a short night: final <see cref="LateWindow"/> after 22:00; on time until 22:02; device
    /// clocks trusted 10 minutes off, however long the silos took to start on a loaded machine.
    /// </summary>
    private static string ShortNightRoster(ScratchDirectory scratch)
    {
        var roster = JsonNode.Parse(File.ReadAllText(ProjectOutput.RepositoryFile("samples/ngoc-lac.roster.json")))!;
        var settings = roster["settings"]!;
        settings["lateWindow"] = $"{LateWindow.TotalMinutes}m";
        settings["onTimeAfter"] = "2m";
        settings["maxClockSkew"] = "10m";
        return scratch.Write("short-night.roster.json", roster.ToJsonString());
    }
}
