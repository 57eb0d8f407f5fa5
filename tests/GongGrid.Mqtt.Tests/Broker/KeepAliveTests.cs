using System.Diagnostics;
using GongGrid.Testing.Mosquitto;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

public class KeepAliveTests : IAsyncLifetime
{
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_frozen_broker_is_noticed_within_one_and_a_half_keep_alives_and_the_client_returns_after_a_restart()
    {
        var options = Options(_broker.Port, "bridge") with
        {
            KeepAlive = TimeSpan.FromSeconds(1),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            Subscriptions = [new("gonggrid/v1/#")],
        };
        await using var client = new MqttClient(options);
        await client.ConnectAsync();

        await _broker.PauseAsync();
        var frozen = Stopwatch.StartNew();
        await UntilAsync(() => !client.State.IsConnected, "the client noticed the dead link", TimeSpan.FromSeconds(5));
        var noticedAfter = frozen.Elapsed;
        var reason = client.State.Reason;
        await _broker.KillAsync();
        await _broker.RestartAsync();
        await UntilAsync(() => client.State.IsConnected, "the client reconnected", TimeSpan.FromSeconds(10));
        await using var publisher = new MqttClient(Options(_broker.Port, "gong-1"));
        await publisher.ConnectAsync();
        await publisher.PublishAsync("gonggrid/v1/after-restart", Utf8("ok"));

        Assert.Contains("no PINGRESP", reason);
        Assert.True(noticedAfter < TimeSpan.FromSeconds(2.5), $"noticed after {noticedAfter.TotalSeconds:0.00} s, keep-alive 1 s");
        Assert.Equal("ok", (await client.NextMessageAsync()).Text());
        Assert.Equal(1, client.Counters.LinksLost);
    }
}
