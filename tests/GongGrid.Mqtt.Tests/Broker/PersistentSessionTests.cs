using GongGrid.Mqtt.Tests.Support;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Network;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

/// <summary>The edge bridge's contract: clean session off, PUBACK only after the journal has the event.</summary>
public class PersistentSessionTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_unacknowledged_message_is_redelivered_with_dup_on_reconnect_and_an_acknowledged_one_is_not()
    {
        var options = BridgeOptions(_broker.Port);
        await using var publisher = await ConnectedAsync(Options(_broker.Port, "gong-1"));
        await using (var bridge = await ConnectedAsync(options))
        {
            await publisher.PublishAsync("gonggrid/v1/event", Utf8("journalled"));
            await publisher.PublishAsync("gonggrid/v1/event", Utf8("lost-before-journal"));
            var received = await bridge.ReceiveAsync(2);
            Assert.True(received[0].Acknowledge());
        }
        // Mosquitto flags what it queued while the bridge was away as DUP too, so only the first is checked for it.
        await publisher.PublishAsync("gonggrid/v1/event", Utf8("sent-while-away"));

        await using var again = await ConnectedAsync(options);
        var redelivered = await again.ReceiveAsync(2);

        Assert.True(again.State.SessionPresent);
        Assert.Equal(["lost-before-journal", "sent-while-away"], redelivered.Select(m => m.Text()));
        Assert.True(redelivered[0].Duplicate);
        await AssertNothingMoreAsync(again);
    }

    [Fact]
    public async Task Acknowledging_after_the_link_dropped_does_nothing_and_the_broker_redelivers_after_the_reconnect()
    {
        await using var relay = TcpRelay.Start(_broker.Host, _broker.Port);
        await using var publisher = await ConnectedAsync(Options(_broker.Port, "gong-1"));
        await using var bridge = await ConnectedAsync(BridgeOptions(relay.Port));
        await publisher.PublishAsync("gonggrid/v1/event", Utf8("strike"));
        var first = await bridge.NextMessageAsync();

        relay.CutAll();
        await UntilAsync(() => bridge.Counters.Connects == 2 && bridge.State.IsConnected, "the bridge reconnected");
        var acknowledgedLate = first.Acknowledge();
        var again = await bridge.NextMessageAsync();

        Assert.False(acknowledgedLate);
        Assert.Equal(("strike", true), (again.Text(), again.Duplicate));
        Assert.True(again.Acknowledge());
        Assert.Equal(1, bridge.Counters.LinksLost);
    }

    [Fact]
    public async Task The_broker_queues_messages_while_the_bridge_is_away_and_keeps_them_across_a_broker_restart()
    {
        var options = BridgeOptions(_broker.Port);
        await (await ConnectedAsync(options)).DisposeAsync();
        await using (var publisher = await ConnectedAsync(Options(_broker.Port, "gong-1")))
        {
            await Task.WhenAll(Enumerable.Range(1, 100).Select(i => publisher.PublishAsync("gonggrid/v1/event", Utf8($"{i}"))));
        }

        await _broker.RestartAsync();
        await using var bridge = await ConnectedAsync(options);
        var received = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var message = await bridge.NextMessageAsync();
            received.Add(message.Text());
            message.Acknowledge();
        }

        Assert.True(bridge.State.SessionPresent);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"{i}"), received);
    }

    private static MqttClientOptions BridgeOptions(int port) =>
        Options(port, "bridge-ngoc-lac", cleanSession: false) with { Subscriptions = [new("gonggrid/v1/#")] };

    private static async Task<MqttClient> ConnectedAsync(MqttClientOptions options)
    {
        var client = new MqttClient(options);
        await client.ConnectAsync();
        return client;
    }

    private static async Task AssertNothingMoreAsync(MqttClient client)
    {
        await Assert.ThrowsAsync<TimeoutException>(() => client.NextMessageAsync(TimeSpan.FromMilliseconds(300)));
    }
}
