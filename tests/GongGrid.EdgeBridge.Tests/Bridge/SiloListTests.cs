using GongGrid.Testing.Network;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// A bridge given the cluster's silos as a list: when the first it tries is gone (nothing listens there), it moves on
/// to the next and streams its journal there, without waiting out a backoff meant for a grid that is down.
/// </summary>
public sealed class SiloListTests
{
    private const string Commune = "ngoc-lac/ngoc-lien";
    private const int StrikesPerVillage = 50;

    private static readonly Dictionary<string, string[]> Gongs = new() { ["ngoc-lac/ngoc-lien/hoa-binh"] = ["gong-1"] };

    [Fact]
    public async Task A_bridge_whose_first_silo_is_gone_streams_through_the_next_on_its_list_and_every_event_arrives()
    {
        await using var rig = await BridgeRig.StartAsync([.. Gongs.Keys]);
        await rig.StartSiloAsync();
        var gone = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        var bridge = await rig.StartBridgeAsync([gone, $"http://127.0.0.1:{rig.SiloPort}"]);
        await bridge.MetricsUntilAsync(page => page.LinkUp && page.BrokerConnected, "the bridge is connected through the second silo", TimeSpan.FromSeconds(30));

        var plan = Strikes.InVillage(Gongs.Keys.Single(), Gongs.Values.Single(), StrikesPerVillage, "silo-list");
        await using (var publisher = await rig.PublisherAsync("devices"))
        {
            await publisher.PublishAsync(plan).WaitAsync(TimeSpan.FromSeconds(60));
        }
        var expected = Gongs.Keys.ToDictionary(village => village, _ => StrikesPerVillage);
        var counts = await rig.StrikeCountsWhenAsync(Commune, expected, TimeSpan.FromSeconds(60));

        Assert.True(expected.ToHashSet().SetEquals(counts), $"strike counts {string.Join(", ", counts)}\n{rig.Describe()}");
        Assert.Contains(bridge.Process.Describe().Split('\n'), line => line.Contains($"Uplink to {gone}", StringComparison.Ordinal) && line.Contains("trying", StringComparison.Ordinal));
    }
}
