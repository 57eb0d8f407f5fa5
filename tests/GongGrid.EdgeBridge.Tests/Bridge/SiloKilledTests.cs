using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// The silo (SQLite storage) dies by kill -9 while the bridge streams events to it, and comes back on the same
/// data directory. The bridge keeps journaling, resends everything the grid had not acknowledged, and the grid
/// applies each event once: what it had persisted before dying comes back DUPLICATE.
/// </summary>
public sealed class SiloKilledTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const int StrikesPerGong = 200;

    private static readonly Dictionary<string, string[]> Gongs = new()
    {
        ["ngoc-lac/ngoc-lien/hoa-binh"] = ["gong-1"],
        ["ngoc-lac/ngoc-lien/doan-ket"] = ["gong-1"],
    };

    [Fact]
    public async Task Every_event_is_applied_once_when_the_silo_is_killed_9_mid_stream_and_restarted_on_its_sqlite_data()
    {
        await using var rig = await BridgeRig.StartAsync([.. Gongs.Keys]);
        var bridge = await rig.StartConnectedAsync(storage: "sqlite");

        var plans = Gongs.Select(village => Strikes.InVillage(village.Key, village.Value, StrikesPerGong, "silo-kill")).ToList();
        var total = plans.Sum(plan => plan.Count);
        var publishers = await rig.PublisherPerVillageAsync(Gongs.Keys);
        try
        {
            var publishing = Task.WhenAll(publishers.Select((publisher, index) => publisher.PublishAsync(plans[index], chunk: 20, pause: TimeSpan.FromMilliseconds(30))));
            var atKill = await bridge.MetricsUntilAsync(page => page.Acknowledged >= total / 4, $"the grid acknowledged {total / 4} events", TimeSpan.FromSeconds(60));
            await rig.Silo.KillAsync();
            var whileDown = await bridge.MetricsUntilAsync(page => !page.LinkUp, "the bridge noticed the uplink is down", TimeSpan.FromSeconds(30));

            await rig.StartSiloAsync(storage: "sqlite");
            await publishing.WaitAsync(TimeSpan.FromSeconds(60));
            var expected = Gongs.Keys.ToDictionary(village => village, _ => StrikesPerGong);
            var counts = await rig.StrikeCountsWhenAsync(Commune, expected, TimeSpan.FromSeconds(90));
            var after = await bridge.MetricsUntilAsync(page => page.JournalDepth == 0 && page.LinkUp, "the journal drained to the restarted silo", TimeSpan.FromSeconds(30));

            output.WriteLine($"published {total} strikes; silo killed when the grid had acknowledged {atKill.Acknowledged} ({atKill})");
            output.WriteLine($"while the silo was down: {whileDown}");
            output.WriteLine($"after its restart: {after}");
            output.WriteLine($"strike counts: {string.Join(", ", counts.Select(pair => $"{pair.Key.Split('/')[^1]} {pair.Value}"))}");

            Assert.True(atKill.Acknowledged < total, $"the silo was killed after the stream ended ({atKill.Acknowledged} of {total} acknowledged)");
            Assert.Equal(total, publishers.Sum(publisher => publisher.Acknowledged));
            Assert.True(expected.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}; expected {StrikesPerGong} in each village (the strikes of its busiest gong)\n{rig.Describe()}");
            Assert.Equal(total, after.Journaled);
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
