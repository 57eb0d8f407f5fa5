using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>
/// Orleans does not detect call cycles: a query that waited on a grain waiting on it would hang until the call
/// timed out. Events flow up (device → village → commune → district) and queries are read-only, so the district
/// answers the police while the 22:00 burst is still being written.
/// </summary>
public sealed class BurstTests
{
    private const int StrikesPerGong = 9;
    private const int SummariesDuringBurst = 20;

    [Fact]
    public async Task A_night_summary_asked_during_a_22_00_burst_answers_while_the_burst_is_still_going()
    {
        await using var grid = await GridHarness.StartAsync();
        grid.AdvanceTo(GridHarness.PeaceTime);
        var devices = new[] { TestDistrict.Thon1Gong, TestDistrict.Thon2Gong, TestDistrict.Thon1Button, TestDistrict.ThonLoaSpeaker };
        using var stop = new CancellationTokenSource();
        var burst = Task.WhenAll(devices.Select(device => SendBurstAsync(grid, device, stop.Token)));

        for (var asked = 0; asked < SummariesDuringBurst; asked++)
        {
            // Ten seconds is a deadlock detector, not a speed target: a cycle would hold the call for Orleans's 30 s.
            await grid.District.GetNightSummaryAsync(GridHarness.Night).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(burst.IsCompleted, $"the burst ended before summary {asked + 1} was answered");
        }
        await stop.CancelAsync();
        await burst;

        Assert.Equal(2, (await grid.District.GetNightSummaryAsync(GridHarness.Night)).Totals.OnTime);
    }

    /// <summary>A round from each gong, then heartbeats until the test has its answers, one event at a time as a device sends them.</summary>
    private static async Task SendBurstAsync(GridHarness grid, string device, CancellationToken stop)
    {
        var sequence = 0;
        if (device.EndsWith("/gong-1", StringComparison.Ordinal))
        {
            for (; sequence < StrikesPerGong; sequence++)
            {
                await grid.SendAsync(device, new StrikeEvent($"strike-{sequence}", GridHarness.PeaceTime.AddSeconds(4 * sequence), sequence + 1));
            }
        }
        for (var beat = 0; !stop.IsCancellationRequested; beat++, sequence++)
        {
            await grid.SendAsync(device, new HeartbeatEvent($"heartbeat-{beat}", GridHarness.PeaceTime, sequence + 1, BatteryPercent: 90));
        }
    }
}
