using System.Collections.Concurrent;
using GongGrid.Mqtt.Protocol;
using GongGrid.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging;
using static GongGrid.Mqtt.Tests.Protocol.PacketBytes;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.FakeBroker;

/// <summary>A broker that answers CONNECT properly and then sends garbage must never take the client down.</summary>
public class MalformedPacketTests
{
    [Theory]
    [InlineData("F0 00", false, "reserved packet type 15")]
    [InlineData("30 FF FF FF FF 01", false, "remaining length exceeds 4 bytes")]
    [InlineData("36 05 00 01 61 00 01", false, "PUBLISH with QoS 3")]
    [InlineData("34 05 00 01 61 00 01", false, "PUBLISH with QoS 2, above every subscription this client makes")]
    [InlineData("30 E0 A7 12", false, "PUBLISH packet of 300004 bytes exceeds the maximum 262144")]
    [InlineData("32 0A 00 01 61 00 01 FF", true, "the broker closed the connection in the middle of a packet (8 bytes of it received)")]
    [InlineData("B0 02 00 07", false, "UNSUBACK for packet identifier 7, which no request is waiting for")]
    [InlineData("20 02 00 00", false, "a second CONNACK on an established connection")]
    [InlineData("82 06 00 01 00 01 61 01", false, "SUBSCRIBE from the broker, which only a client may send")]
    public async Task Garbage_closes_the_link_with_a_logged_and_counted_reason_and_the_client_reconnects_and_keeps_working(
        string garbage, bool closeAfter, string reason)
    {
        var acknowledged = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = new ScriptedBroker(async link =>
        {
            if (link.Index == 0)
            {
                await link.SendRawAsync(Hex(garbage));
                if (closeAfter)
                {
                    link.Close();
                    return;
                }
                await link.WaitClosedAsync();
                return;
            }
            await link.SendAsync(new PublishPacket("gonggrid/v1/after", Utf8("still working"), MqttQos.AtLeastOnce, false, false, 5));
            acknowledged.TrySetResult(await NextPubAckAsync(link));
            await link.WaitClosedAsync();
        });
        var logger = new ListLogger();
        var states = new ConcurrentQueue<MqttLinkState>();
        await using var client = new MqttClient(Options(broker.Port, "bridge"), logger);
        client.StateChanged += states.Enqueue;

        await client.ConnectAsync();
        var message = await client.NextMessageAsync();
        message.Acknowledge();

        Assert.Equal("still working", message.Text());
        Assert.Equal(new PubAckPacket(5), await acknowledged.Task.WaitAsync(Patience));
        Assert.Equal(1, client.Counters.MalformedPackets);
        Assert.Contains(states, state => !state.IsConnected && state.Reason.StartsWith($"malformed packet from the broker: {reason}", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Error && line.Message.Contains(reason));
        Assert.True(client.State.IsConnected);
        Assert.Empty(broker.Failures);
    }

    [Fact]
    public async Task A_suback_with_the_wrong_number_of_return_codes_is_malformed()
    {
        await using var broker = new ScriptedBroker(async link =>
        {
            var subscribe = (SubscribePacket)await link.ReceiveAsync();
            await link.SendAsync(new SubAckPacket(subscribe.PacketId, [1, 1]));
            await link.WaitClosedAsync();
        });
        await using var client = new MqttClient(Options(broker.Port, "bridge"));
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<MqttProtocolException>(() => client.SubscribeAsync("a"));

        Assert.Equal("SUBACK with 2 return codes for a SUBSCRIBE of 1 filters", error.Message);
        Assert.Equal(1, client.Counters.MalformedPackets);
    }

    internal static async Task<MqttPacket> NextPubAckAsync(ScriptedLink link)
    {
        while (true)
        {
            var packet = await link.ReceiveAsync();
            if (packet is PubAckPacket)
            {
                return packet;
            }
        }
    }
}
