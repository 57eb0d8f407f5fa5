using GongGrid.Mqtt.Protocol;
using GongGrid.Mqtt.Tests.Support;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.FakeBroker;

public class RefusalTests
{
    [Theory]
    [InlineData(MqttConnectReturnCode.UnacceptableProtocolVersion, "it does not speak MQTT 3.1.1 (CONNACK return code 1)")]
    [InlineData(MqttConnectReturnCode.IdentifierRejected, "the client id was rejected (CONNACK return code 2)")]
    [InlineData(MqttConnectReturnCode.ServerUnavailable, "the MQTT service is unavailable (CONNACK return code 3)")]
    [InlineData(MqttConnectReturnCode.BadUsernameOrPassword, "bad user name or password (CONNACK return code 4)")]
    [InlineData(MqttConnectReturnCode.NotAuthorized, "this client is not authorized to connect (CONNACK return code 5)")]
    public async Task Each_connack_refusal_becomes_an_error_that_names_it(MqttConnectReturnCode code, string expected)
    {
        await using var broker = new ScriptedBroker(_ => Task.CompletedTask, _ => new ConnAckPacket(false, code));
        await using var client = new MqttClient(Options(broker.Port, "bridge"));

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(code, error.ReturnCode);
        Assert.Equal($"The broker refused the connection: {expected}.", error.Message);
    }

    [Fact]
    public async Task A_refused_subscription_is_reported_by_filter()
    {
        await using var broker = new ScriptedBroker(async link =>
        {
            var subscribe = (SubscribePacket)await link.ReceiveAsync();
            await link.SendAsync(new SubAckPacket(subscribe.PacketId, [1, SubAckPacket.Failure]));
            await link.WaitClosedAsync();
        });
        await using var client = new MqttClient(Options(broker.Port, "bridge"));
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<MqttSubscribeException>(() => client.SubscribeAsync([new("gonggrid/v1/#"), new("$SYS/#")]));

        Assert.Equal(["$SYS/#"], error.RefusedFilters);
        Assert.Equal("The broker refused the subscription to '$SYS/#' (SUBACK 0x80).", error.Message);
    }

    [Fact]
    public async Task A_broker_that_accepts_tcp_but_never_answers_connect_times_out()
    {
        await using var broker = new ScriptedBroker(_ => Task.CompletedTask, _ => throw new IOException("silent broker"));
        await using var client = new MqttClient(Options(broker.Port, "bridge") with { ConnectTimeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.ConnectAsync());

        Assert.Equal($"No CONNACK from 127.0.0.1:{broker.Port} within 1 s.", error.Message);
    }
}
