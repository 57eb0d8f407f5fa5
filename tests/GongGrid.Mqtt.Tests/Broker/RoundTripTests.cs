using GongGrid.Mqtt.Tests.Support;
using GongGrid.Testing.Mosquitto;
using Microsoft.Extensions.Logging;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

public class RoundTripTests : IAsyncLifetime
{
    private const string Strike = "gonggrid/v1/ngoc-lac/cao-thinh/lang-moi/gong-1/strike";

    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task A_message_published_through_mosquitto_reaches_the_subscriber_with_its_topic_payload_and_qos(MqttQos qos)
    {
        await using var subscriber = new MqttClient(Options(_broker.Port, "bridge") with { Subscriptions = [new("gonggrid/v1/#")] });
        await subscriber.ConnectAsync();
        await using var publisher = new MqttClient(Options(_broker.Port, "gong-1"));
        await publisher.ConnectAsync();

        await publisher.PublishAsync(Strike, Utf8("{\"blows\":9}"), qos);
        var message = await subscriber.NextMessageAsync();

        Assert.Equal(Strike, message.Topic);
        Assert.Equal("{\"blows\":9}", message.Text());
        Assert.Equal(qos, message.Qos);
        Assert.False(message.Duplicate);
        Assert.False(message.Retain);
        Assert.Equal(qos == MqttQos.AtLeastOnce, message.Acknowledge());
        Assert.False(message.Acknowledge());
        Assert.True(subscriber.State.IsConnected);
    }

    [Fact]
    public async Task A_retained_message_reaches_a_later_subscriber_flagged_retain()
    {
        await using var publisher = new MqttClient(Options(_broker.Port, "gong-1"));
        await publisher.ConnectAsync();
        await publisher.PublishAsync("gonggrid/v1/ngoc-lac/status", Utf8("online"), MqttQos.AtLeastOnce, retain: true);

        await using var subscriber = new MqttClient(Options(_broker.Port, "bridge"));
        await subscriber.ConnectAsync();
        var granted = await subscriber.SubscribeAsync("gonggrid/v1/+/status", MqttQos.AtMostOnce);
        var message = await subscriber.NextMessageAsync();

        Assert.Equal([MqttQos.AtMostOnce], granted);
        Assert.Equal("online", message.Text());
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task After_unsubscribing_no_more_messages_arrive()
    {
        await using var subscriber = new MqttClient(Options(_broker.Port, "bridge"));
        await subscriber.ConnectAsync();
        await subscriber.SubscribeAsync("commands/#");
        await subscriber.SubscribeAsync("marker");
        await using var publisher = new MqttClient(Options(_broker.Port, "grid"));
        await publisher.ConnectAsync();

        await subscriber.UnsubscribeAsync(["commands/#"]);
        await publisher.PublishAsync("commands/gong-1", Utf8("strike"));
        await publisher.PublishAsync("marker", Utf8("end"));

        Assert.Equal("marker", (await subscriber.NextMessageAsync()).Topic);
    }

    [Fact]
    public async Task A_packet_over_the_maximum_size_closes_the_link_is_counted_and_the_client_carries_on()
    {
        var logger = new ListLogger();
        var options = Options(_broker.Port, "small-bridge") with { MaxPacketSize = 1024, Subscriptions = [new("gonggrid/v1/#", MqttQos.AtMostOnce)] };
        await using var subscriber = new MqttClient(options, logger);
        await subscriber.ConnectAsync();
        await using var publisher = new MqttClient(Options(_broker.Port, "gong-1"));
        await publisher.ConnectAsync();

        await publisher.PublishAsync("gonggrid/v1/big", new byte[4000], MqttQos.AtMostOnce);
        await UntilAsync(() => subscriber.Counters.Connects == 2 && subscriber.State.IsConnected, "the subscriber reconnected");
        await publisher.PublishAsync("gonggrid/v1/small", Utf8("fits"), MqttQos.AtMostOnce);

        Assert.Equal("fits", (await subscriber.NextMessageAsync()).Text());
        Assert.Equal(1, subscriber.Counters.MalformedPackets);
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("PUBLISH packet of 4020 bytes exceeds the maximum 1024"));
    }
}
