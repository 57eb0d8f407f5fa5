using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace GongGrid.EdgeBridge.Broker;

/// <summary>The bridge's settings as MQTTnet connect options.</summary>
internal static class BrokerClientOptions
{
    /// <summary>Limit for TCP connect, TLS handshake and CONNACK together, and for SUBSCRIBE and PUBLISH answers.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// MQTT 3.1.1 with clean session off and the configured, stable client id: the broker keeps the session and
    /// queues device events for it while the bridge is away. (MQTT 5, MQTTnet's default, would need a session
    /// expiry interval above its default 0, which drops that queue at every disconnect.)
    /// </summary>
    public static MqttClientOptions For(BrokerOptions broker)
    {
        if (string.IsNullOrWhiteSpace(broker.ClientId))
        {
            throw new InvalidOperationException("GongGrid:Bridge:Broker:ClientId is empty; a persistent session needs a stable client id.");
        }

        if (broker.Password is not null && broker.Username is null)
        {
            throw new InvalidOperationException("GongGrid:Bridge:Broker:Password is set without a Username; MQTT 3.1.1 sends a password only with a user name.");
        }

        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTcpServer(broker.Host, broker.Port)
            .WithStreamProvider(BufferedReadConnection.Provider)
            .WithClientId(broker.ClientId)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(broker.KeepAlive)
            .WithTimeout(Timeout);
        if (broker.Username is not null)
        {
            builder.WithCredentials(broker.Username, broker.Password);
        }

        if (broker.Tls)
        {
            var districtCa = string.IsNullOrEmpty(broker.CaCertificateFile) ? null : TrustedCa(broker.CaCertificateFile);
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(broker.Host);
                if (districtCa is not null)
                {
                    tls.WithTrustChain(districtCa);
                }
            });
        }

        return builder.Build();
    }

    private static X509Certificate2Collection TrustedCa(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(pemFile);
        }
        catch (CryptographicException error)
        {
            throw new InvalidOperationException($"GongGrid:Bridge:Broker:CaCertificateFile {pemFile} is not a PEM certificate: {error.Message}");
        }

        return certificates.Count > 0
            ? certificates
            : throw new InvalidOperationException($"GongGrid:Bridge:Broker:CaCertificateFile {pemFile} holds no PEM certificate.");
    }
}
