using GongGrid.EdgeBridge.Tests.Bridge;
using GongGrid.Testing.Mosquitto;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Tests.Broker;

/// <summary>How the bridge reaches its village broker: keep-alive, reconnects and subscribing again, credentials, TLS with a district's own CA.</summary>
public sealed class BrokerLinkTests
{
    [Fact]
    public async Task A_frozen_broker_is_noticed_by_keep_alive_and_the_session_comes_back_when_it_answers_again()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var bridge = await ListeningSession.ConnectedAsync(ListeningSession.Options(broker.Port, configure: options => options.KeepAlive = TimeSpan.FromSeconds(1)));

        await broker.PauseAsync();
        await bridge.UntilAsync(() => bridge.LinksDown >= 1, "the session noticed the frozen broker", TimeSpan.FromSeconds(10));
        await broker.ResumeAsync();
        await bridge.UntilAsync(() => bridge.LinksUp == 2 && bridge.Session.IsConnected, "the session reconnected", TimeSpan.FromSeconds(30));

        Assert.Contains(bridge.Log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("MQTT link to 127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broker_that_lost_its_sessions_gets_the_subscription_again_and_the_bridge_hears_new_events()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var bridge = await ListeningSession.ConnectedAsync(ListeningSession.Options(broker.Port));

        // kill -9: mosquitto saves no persistence, so it comes back knowing no session and no subscription.
        await broker.KillAsync();
        await broker.RestartAsync();
        await bridge.UntilAsync(() => bridge.LinksUp == 2 && bridge.Session.IsConnected, "the session reconnected", TimeSpan.FromSeconds(30));
        await using (var publisher = await DevicePublisher.ConnectAsync(broker.Port, "gong-1"))
        {
            await publisher.PublishAsync([DeviceMessage.Json("gonggrid/v1/event", "after the broker lost everything")]);
        }

        Assert.Equal("after the broker lost everything", ListeningSession.Text(await bridge.NextAsync()));
        Assert.Equal(2, bridge.Log.Entries.Count(entry => entry.Message.Contains("(session present: False)", StringComparison.Ordinal)));
        Assert.Equal(2, bridge.Log.Entries.Count(entry => entry.Message.StartsWith("MQTT subscribed to 1 topic filters", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_bridge_logs_in_with_its_user_name_and_password_and_a_refused_login_is_logged_and_retried()
    {
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { Users = new Dictionary<string, string> { ["bridge"] = "s3cret-ngoc-lac" } });

        await using var refused = ListeningSession.Start(ListeningSession.Options(broker.Port, "bridge-wrong", Login("wrong")));
        await refused.UntilAsync(() => refused.Log.Entries.Count(entry => entry.Message.Contains("refused the connection", StringComparison.Ordinal)) >= 2, "two refusals were logged");
        await using var admitted = await ListeningSession.ConnectedAsync(ListeningSession.Options(broker.Port, configure: Login("s3cret-ngoc-lac")));

        Assert.Equal(0, refused.LinksUp);
        Assert.True(admitted.Session.IsConnected);
    }

    [Fact]
    public async Task Over_tls_the_bridge_trusts_the_district_ca_of_its_settings_and_refuses_a_broker_it_cannot_verify()
    {
        using var certificates = await DistrictCertificates.CreateAsync();
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { Tls = (certificates.BrokerCertificateFile, certificates.BrokerKeyFile) });
        await using var untrusting = ListeningSession.Start(ListeningSession.Options(broker.Port, "bridge-untrusting", Tls(caFile: null)));
        await untrusting.UntilAsync(() => untrusting.Log.Entries.Any(entry => entry.Message.StartsWith("MQTT connect to", StringComparison.Ordinal)), "a failed connect was logged");
        await using var bridge = await ListeningSession.ConnectedAsync(ListeningSession.Options(broker.Port, configure: Tls(certificates.CaFile)));

        Assert.Equal(0, untrusting.LinksUp);
        Assert.True(bridge.Session.IsConnected);
        var notPem = Path.Combine(certificates.Directory, "not-a-certificate.pem");
        await File.WriteAllTextAsync(notPem, "district CA goes here");
        var refusal = Assert.Throws<InvalidOperationException>(() => ListeningSession.Start(ListeningSession.Options(broker.Port, configure: Tls(notPem))));
        Assert.Contains("GongGrid:Bridge:Broker:CaCertificateFile", refusal.Message, StringComparison.Ordinal);
    }

    private static Action<BrokerOptions> Login(string password) => options =>
    {
        options.Username = "bridge";
        options.Password = password;
    };

    private static Action<BrokerOptions> Tls(string? caFile) => options =>
    {
        options.Tls = true;
        options.CaCertificateFile = caFile;
    };
}
