using Xunit.Abstractions;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// The grid unreachable: the bridge starts before the silo exists. It must still take every event off the broker
/// (journaled, then acknowledged, so the broker holds nothing), show the backlog in its journal depth, and hand
/// all of it over once the silo comes up.
/// </summary>
public sealed class UplinkDownTests(ITestOutputHelper output)
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const int StrikesPerGong = 100;

    private static readonly Dictionary<string, string[]> Gongs = new()
    {
        ["ngoc-lac/ngoc-lien/hon-can"] = ["gong-1"],
        ["ngoc-lac/ngoc-lien/dong-tam"] = ["gong-1", "gong-2"],
    };

    [Fact]
    public async Task Events_published_while_the_grid_is_down_are_journaled_and_acknowledged_to_the_broker_then_all_arrive_once_it_is_up()
    {
        await using var rig = await BridgeRig.StartAsync([.. Gongs.Keys], logPackets: true);
        var bridge = await rig.StartBridgeAsync();
        await bridge.MetricsUntilAsync(page => page.BrokerConnected, "the bridge is connected to the broker", TimeSpan.FromSeconds(30));

        var plan = Strikes.Interleave([.. Gongs.Select(village => Strikes.InVillage(village.Key, village.Value, StrikesPerGong, "offline"))]);
        await using (var publisher = await rig.PublisherAsync("devices"))
        {
            await publisher.PublishAsync(plan).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(plan.Count, publisher.Acknowledged);
        }

        var backlog = await bridge.MetricsUntilAsync(page => page.Journaled == plan.Count, $"the bridge journaled all {plan.Count} events", TimeSpan.FromSeconds(30));
        var brokerAcks = await rig.PubacksFromBridgeWhenAsync(plan.Count, TimeSpan.FromSeconds(10));
        output.WriteLine($"grid down: {plan.Count} published and acknowledged by the broker; bridge: {backlog}; the broker received {brokerAcks} PUBACKs from the bridge");
        Assert.False(backlog.LinkUp, "the uplink is up with no silo running");
        Assert.Equal(plan.Count, backlog.JournalDepth);
        Assert.Equal(0, backlog.Acknowledged);
        Assert.Equal(plan.Count, brokerAcks);

        await rig.StartSiloAsync();
        var expected = Gongs.Keys.ToDictionary(village => village, _ => StrikesPerGong);
        var counts = await rig.StrikeCountsWhenAsync(Commune, expected, TimeSpan.FromSeconds(60));
        var drained = await bridge.MetricsUntilAsync(page => page.JournalDepth == 0 && page.LinkUp, "the journal drained over the uplink", TimeSpan.FromSeconds(30));
        output.WriteLine($"grid up: {drained}; strike counts {string.Join(", ", counts)}");

        Assert.True(expected.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}; expected {StrikesPerGong} in each village (the strikes of its busiest gong)\n{rig.Describe()}");
        Assert.Equal(plan.Count, drained.Acknowledged - drained.Duplicates);
        Assert.Equal(plan.Count, drained.Received);
        Assert.Empty(drained.Rejected);
        Assert.Equal(0, await bridge.Process.StopAsync(TimeSpan.FromSeconds(15)));
    }
}
