using System.Text.RegularExpressions;
using GongGrid.EdgeBridge.Tests.Bridge;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Network;

namespace GongGrid.EdgeBridge.Tests.Broker;

/// <summary>
/// The bridge's contract with its village broker: clean session off under a stable client id, and a PUBLISH
/// acknowledged only when the bridge says so (after its journal has the event), on the connection it came on.
/// </summary>
public sealed partial class PersistentSessionTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync(new MosquittoOptions { LogPackets = true });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_unacknowledged_message_is_redelivered_with_dup_when_the_bridge_returns_to_its_session_and_an_acknowledged_one_is_not()
    {
        var options = ListeningSession.Options(_broker.Port);
        await using var publisher = await DevicePublisher.ConnectAsync(_broker.Port, "gong-1");
        await using (var bridge = await ListeningSession.ConnectedAsync(options))
        {
            await publisher.PublishAsync([Event("journalled"), Event("lost-before-journal")]);
            var received = await bridge.NextAsync(2);
            Assert.True(received[0].Acknowledge());
            await UntilPubacksFromBridgeAsync(1);
        }
        // Mosquitto flags what it queued while the bridge was away as DUP too, so only the first is checked for it.
        await publisher.PublishAsync([Event("sent-while-away")]);

        await using var again = await ListeningSession.ConnectedAsync(options);
        var redelivered = await again.NextAsync(2);

        Assert.Contains(again.Log.Entries, entry => entry.Message.Contains("session present: True", StringComparison.Ordinal));
        Assert.Equal(["lost-before-journal", "sent-while-away"], redelivered.Select(ListeningSession.Text));
        Assert.True(redelivered[0].Duplicate);
        await Assert.ThrowsAsync<TimeoutException>(() => again.NextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task An_acknowledgement_owed_to_a_connection_that_dropped_is_not_sent_on_the_next_one_and_the_broker_redelivers_the_message()
    {
        await using var relay = TcpRelay.Start(_broker.Host, _broker.Port);
        await using var publisher = await DevicePublisher.ConnectAsync(_broker.Port, "gong-1");
        await using var bridge = await ListeningSession.ConnectedAsync(ListeningSession.Options(relay.Port));
        await publisher.PublishAsync([Event("strike")]);
        var first = await bridge.NextAsync();

        // The journal was slower than the link: it drops, and the session is back on a new connection first.
        relay.CutAll();
        await bridge.UntilAsync(() => bridge.LinksUp == 2 && bridge.Session.IsConnected, "the session reconnected");
        var acknowledgedLate = first.Acknowledge();
        var again = await bridge.NextAsync();
        var acknowledgedAgain = again.Acknowledge();
        await UntilPubacksFromBridgeAsync(1);
        await Task.Delay(300);

        Assert.False(acknowledgedLate);
        Assert.Equal(("strike", true), (ListeningSession.Text(again), again.Duplicate));
        Assert.True(acknowledgedAgain);
        Assert.Equal(1, PubackFromBridge().Count(_broker.Log));
    }

    [Fact]
    public async Task The_broker_queues_events_while_the_bridge_is_away_and_keeps_them_across_its_own_restart()
    {
        var options = ListeningSession.Options(_broker.Port);
        await (await ListeningSession.ConnectedAsync(options)).DisposeAsync();
        await using (var publisher = await DevicePublisher.ConnectAsync(_broker.Port, "gong-1"))
        {
            await publisher.PublishAsync([.. Enumerable.Range(1, 100).Select(index => Event($"{index}"))]);
        }

        await _broker.RestartAsync();
        await using var bridge = await ListeningSession.ConnectedAsync(options);
        var received = new List<string>();
        for (var index = 0; index < 100; index++)
        {
            // Acknowledged one by one: the broker keeps only 20 unacknowledged messages in flight to a client.
            var message = await bridge.NextAsync();
            received.Add(ListeningSession.Text(message));
            message.Acknowledge();
        }

        Assert.Contains(bridge.Log.Entries, entry => entry.Message.Contains("session present: True", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 100).Select(index => $"{index}"), received);
    }

    private static DeviceMessage Event(string text) => DeviceMessage.Json("gonggrid/v1/event", text);

    /// <summary>The broker's own word on what the bridge acknowledged: its logged PUBACKs from the bridge's client id.</summary>
    private async Task UntilPubacksFromBridgeAsync(int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (PubackFromBridge().Count(_broker.Log) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    [GeneratedRegex("Received PUBACK from bridge-ngoc-lac ")]
    private static partial Regex PubackFromBridge();
}
