using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// The village broker restarts in the middle of a stream of events (SIGTERM, so mosquitto saves its persistence,
/// then started again on the same port). The bridge's session must survive it, the bridge must reconnect on its
/// own, and no event may be lost on the way: devices resend what the broker never acknowledged, the broker
/// redelivers what the bridge never acknowledged.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const int StrikesPerGong = 200;

    private static readonly Dictionary<string, string[]> Gongs = new()
    {
        ["ngoc-lac/ngoc-lien/pho-cong"] = ["gong-1"],
        ["ngoc-lac/ngoc-lien/coc-ha"] = ["gong-1"],
        ["ngoc-lac/ngoc-lien/bai-bang"] = ["gong-1"],
    };

    [Fact]
    public async Task Nothing_is_lost_when_the_broker_restarts_mid_stream_and_the_bridge_reconnects_to_its_kept_session()
    {
        await using var rig = await BridgeRig.StartAsync([.. Gongs.Keys]);
        var bridge = await rig.StartConnectedAsync();

        var plans = Gongs.Select(village => Strikes.InVillage(village.Key, village.Value, StrikesPerGong, "restart")).ToList();
        var total = plans.Sum(plan => plan.Count);
        var publishers = await rig.PublisherPerVillageAsync(Gongs.Keys);
        try
        {
            var publishing = Task.WhenAll(publishers.Select((publisher, index) => publisher.PublishAsync(plans[index], chunk: 20, pause: TimeSpan.FromMilliseconds(20))));
            var atRestart = await bridge.MetricsUntilAsync(page => page.Journaled >= total / 4, $"the bridge journaled {total / 4} events", TimeSpan.FromSeconds(60));
            await rig.Broker.RestartAsync();
            var publishedAtRestart = publishers.Sum(publisher => publisher.Acknowledged);

            await publishing.WaitAsync(TimeSpan.FromSeconds(60));
            var expected = Gongs.Keys.ToDictionary(village => village, _ => StrikesPerGong);
            var counts = await rig.StrikeCountsWhenAsync(Commune, expected, TimeSpan.FromSeconds(60));
            var after = await bridge.MetricsUntilAsync(page => page.JournalDepth == 0 && page.BrokerConnected, "the bridge is back on the broker with an empty journal", TimeSpan.FromSeconds(30));

            output.WriteLine($"published {total} strikes, {publishedAtRestart} acknowledged by the broker before its restart, {publishers.Sum(p => p.Acknowledged)} in the end");
            output.WriteLine($"bridge at the restart: {atRestart}; at the end: {after}");
            output.WriteLine($"strike counts: {string.Join(", ", counts.Select(pair => $"{pair.Key.Split('/')[^1]} {pair.Value}"))}");

            Assert.True(atRestart.Journaled < total && publishedAtRestart < total,
                $"the broker restarted after the stream ended ({atRestart.Journaled} journaled, {publishedAtRestart} published of {total})");
            Assert.Equal(total, publishers.Sum(publisher => publisher.Acknowledged));
            Assert.True(expected.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}; expected {StrikesPerGong} in each village (the strikes of its busiest gong)\n{rig.Describe()}");
            Assert.Contains("session present: True", bridge.Process.Errors, StringComparison.Ordinal);
            Assert.Equal(total, after.Acknowledged - after.Duplicates);
            Assert.Empty(after.Rejected);
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
