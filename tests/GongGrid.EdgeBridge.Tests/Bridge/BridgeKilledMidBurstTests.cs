using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// kill -9 of the bridge in the middle of a burst from several devices at once. What the bridge had journaled
/// and acknowledged to the broker must come out of its journal after the restart; what it had not acknowledged,
/// the broker delivers again on the persistent session. Either way every strike a device published counts once.
/// The silo is frozen (SIGSTOP) just before the kill, so that some events exist only in the journal.
/// </summary>
public sealed class BridgeKilledMidBurstTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const int StrikesPerGong = 200;

    private static readonly Dictionary<string, string[]> Gongs = new()
    {
        ["ngoc-lac/ngoc-lien/phu-thuong"] = ["gong-1"],
        ["ngoc-lac/ngoc-lien/tan-lap"] = ["gong-1", "gong-2"],
        ["ngoc-lac/ngoc-lien/chieng-khat"] = ["gong-1", "gong-2"],
        ["ngoc-lac/ngoc-lien/ban-rich"] = ["gong-1", "gong-2"],
    };

    [Fact]
    public async Task Every_strike_of_a_burst_counts_exactly_once_after_the_bridge_is_killed_9_in_its_middle_and_restarted()
    {
        await using var rig = await BridgeRig.StartAsync([.. Gongs.Keys]);
        var bridge = await rig.StartConnectedAsync();

        var plans = Gongs.Select(village => Strikes.InVillage(village.Key, village.Value, StrikesPerGong, "burst")).ToList();
        var total = plans.Sum(plan => plan.Count);
        var publishers = await rig.PublisherPerVillageAsync(Gongs.Keys);
        try
        {
            // Paced (20 events per publisher, then 20 ms) so that the kill lands while devices are still publishing.
            var publishing = Task.WhenAll(publishers.Select((publisher, index) => publisher.PublishAsync(plans[index], chunk: 20, pause: TimeSpan.FromMilliseconds(20))));
            var atFreeze = await bridge.MetricsUntilAsync(page => page.Journaled >= total / 5, $"the bridge journaled {total / 5} events", TimeSpan.FromSeconds(60));
            // The grid answers within milliseconds; frozen for a moment, it leaves events that the bridge has
            // journaled and acknowledged to the broker, but not yet handed over: the journal alone has them then.
            await rig.Silo.Process.PauseAsync();
            var atKill = await bridge.MetricsUntilAsync(page => page.Journaled >= atFreeze.Journaled + 200, "the bridge journaled 200 more", TimeSpan.FromSeconds(60));
            await bridge.KillAsync();
            var publishedAtKill = publishers.Sum(publisher => publisher.Acknowledged);
            await rig.Silo.Process.ResumeAsync();

            var restarted = await rig.StartBridgeAsync();
            await publishing.WaitAsync(TimeSpan.FromSeconds(60));
            var expected = Gongs.Keys.ToDictionary(village => village, _ => StrikesPerGong);
            var counts = await rig.StrikeCountsWhenAsync(Commune, expected, TimeSpan.FromSeconds(60));
            var drained = await restarted.MetricsUntilAsync(page => page.JournalDepth == 0, "the restarted bridge's journal is empty", TimeSpan.FromSeconds(30));

            output.WriteLine($"published {total} strikes from {publishers.Count} publishers, all acknowledged by the broker ({publishers.Sum(p => p.Acknowledged)});");
            output.WriteLine($"froze the silo at {atFreeze}; killed the bridge at {atKill}, {publishedAtKill} published;");
            // Applied for the first time through the restarted bridge, yet never received by it: only its journal had them.
            var fromJournalOnly = drained.Acknowledged - drained.Duplicates - drained.Received;
            output.WriteLine($"restarted bridge found {restarted.JournalDepthAtStart} unacknowledged events in its journal; since then: {drained}");
            output.WriteLine($"{fromJournalOnly} events reached the grid only through the journal");
            output.WriteLine($"strike counts: {string.Join(", ", counts.Select(pair => $"{pair.Key.Split('/')[^1]} {pair.Value}"))}");

            Assert.True(atKill.Journaled < total && publishedAtKill < total,
                $"the kill came after the burst ({atKill.Journaled} journaled, {publishedAtKill} published of {total}); it proves nothing about a burst's middle");
            Assert.True(fromJournalOnly > 0, $"no event depended on the journal surviving the kill ({drained})");
            Assert.Equal(total, publishers.Sum(publisher => publisher.Acknowledged));
            Assert.True(expected.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}; expected {StrikesPerGong} in each village (the strikes of its busiest gong)\n{rig.Describe()}");
            Assert.Empty(drained.Rejected);
        }
        finally
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync();
            }
        }
    }
}
