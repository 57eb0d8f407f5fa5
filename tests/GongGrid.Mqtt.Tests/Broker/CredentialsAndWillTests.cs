using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Network;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

public class CredentialsAndWillTests : IAsyncLifetime
{
    private const string Status = "gonggrid/v1/bridge-ngoc-lac/status";

    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions { Users = new Dictionary<string, string> { ["bridge"] = "kẻng-22h" } });

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_wrong_password_is_refused_with_an_error_that_says_so()
    {
        await using var client = new MqttClient(Options(_broker.Port, "bridge") with { Username = "bridge", Password = "wrong" });

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Contains(error.ReturnCode, new[] { MqttConnectReturnCode.BadUsernameOrPassword, MqttConnectReturnCode.NotAuthorized });
        Assert.StartsWith("The broker refused the connection:", error.Message);
        Assert.False(client.State.IsConnected);
        Assert.Equal(error.Message, client.State.Reason);
    }

    [Fact]
    public async Task The_right_password_connects()
    {
        await using var client = new MqttClient(Options(_broker.Port, "bridge") with { Username = "bridge", Password = "kẻng-22h" });

        await client.ConnectAsync();

        Assert.True(client.State.IsConnected);
    }

    [Fact]
    public async Task The_will_is_published_when_the_link_dies_without_disconnect_and_not_after_a_clean_disconnect()
    {
        await using var watcher = new MqttClient(Authenticated("watcher") with { Subscriptions = [new(Status)] });
        await watcher.ConnectAsync();
        await using var relay = TcpRelay.Start(_broker.Host, _broker.Port);
        var will = new MqttWill(Status, Utf8("offline"), MqttQos.AtLeastOnce);

        await using (var graceful = new MqttClient(Authenticated("graceful") with { Will = will }))
        {
            await graceful.ConnectAsync();
        }
        await using var dying = new MqttClient(Authenticated("dying") with { Port = relay.Port, Will = will, ReconnectDelayMin = TimeSpan.FromSeconds(5), ReconnectDelayMax = TimeSpan.FromSeconds(5) });
        await dying.ConnectAsync();
        relay.CutAll();
        var message = await watcher.NextMessageAsync();

        Assert.Equal((Status, "offline"), (message.Topic, message.Text()));
        await Assert.ThrowsAsync<TimeoutException>(() => watcher.NextMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    private MqttClientOptions Authenticated(string clientId) =>
        Options(_broker.Port, clientId) with { Username = "bridge", Password = "kẻng-22h" };
}
