using GongGrid.Mqtt.Protocol;
using GongGrid.Mqtt.Tests.Support;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.FakeBroker;

public class SessionResumeTests
{
    [Fact]
    public async Task An_unacknowledged_publish_is_resent_with_dup_and_its_packet_id_and_completes_at_the_later_puback()
    {
        var seen = new List<PublishPacket>();
        await using var broker = new ScriptedBroker(
            async link =>
            {
                var publish = (PublishPacket)await link.ReceiveAsync();
                lock (seen)
                {
                    seen.Add(publish);
                }
                if (link.Index == 0)
                {
                    link.Close();
                    return;
                }
                await link.SendAsync(new PubAckPacket(publish.PacketId));
                var next = (PublishPacket)await link.ReceiveAsync();
                lock (seen)
                {
                    seen.Add(next);
                }
                await link.SendAsync(new PubAckPacket(next.PacketId));
                await link.WaitClosedAsync();
            },
            index => new ConnAckPacket(SessionPresent: index > 0, MqttConnectReturnCode.Accepted));
        await using var client = new MqttClient(Options(broker.Port, "simulator", cleanSession: false));
        await client.ConnectAsync();

        await client.PublishAsync("gonggrid/v1/event", Utf8("first")).WaitAsync(Patience);
        await client.PublishAsync("gonggrid/v1/event", Utf8("second")).WaitAsync(Patience);

        Assert.Equal(3, seen.Count);
        Assert.Equal((seen[0].PacketId, false), (seen[1].PacketId, seen[0].Dup));
        Assert.True(seen[1].Dup);
        Assert.Equal("first", System.Text.Encoding.UTF8.GetString(seen[1].Payload.Span));
        Assert.False(seen[2].Dup);
        Assert.NotEqual(seen[1].PacketId, seen[2].PacketId);
        Assert.Equal(1, client.Counters.PublishesResent);
        Assert.Empty(broker.Failures);
    }

    [Fact]
    public async Task Publishes_still_unacknowledged_when_the_client_stops_fail_with_a_clear_error()
    {
        await using var broker = new ScriptedBroker(link => link.WaitClosedAsync());
        var client = new MqttClient(Options(broker.Port, "simulator"));
        await client.ConnectAsync();
        var pending = client.PublishAsync("gonggrid/v1/event", Utf8("never acknowledged"));

        await client.DisposeAsync();
        await client.DisposeAsync();

        var error = await Assert.ThrowsAsync<MqttConnectionClosedException>(() => pending);
        Assert.Equal("The client was stopped before the broker acknowledged this message.", error.Message);
        Assert.Equal("stopped", client.State.Reason);
    }
}
