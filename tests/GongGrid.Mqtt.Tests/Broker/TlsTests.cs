using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GongGrid.Testing.Mosquitto;
using static GongGrid.Mqtt.Tests.Support.TestClients;

namespace GongGrid.Mqtt.Tests.Broker;

/// <summary>A village broker with a certificate from the district's own CA, trusted through <see cref="MqttTlsOptions.CaCertificate"/>.</summary>
public class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gonggrid-tls-").FullName;
    private X509Certificate2 _districtCa = null!;
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Ngoc Lac district test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        _districtCa = X509CertificateLoader.LoadCertificate(ca.RawData);

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=village broker", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);

        var certificateFile = Path.Combine(_directory, "server.pem");
        var keyFile = Path.Combine(_directory, "server.key");
        await File.WriteAllTextAsync(certificateFile, server.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, serverKey.ExportPkcs8PrivateKeyPem());
        _broker = await MosquittoBroker.StartAsync(new MosquittoOptions { Tls = (certificateFile, keyFile) });
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _districtCa.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_client_trusting_the_district_ca_connects_over_tls_and_round_trips_a_message()
    {
        await using var client = new MqttClient(Options(_broker.Port, "bridge") with { Tls = new MqttTlsOptions { CaCertificate = _districtCa } });
        await client.ConnectAsync();
        await client.SubscribeAsync("gonggrid/v1/#");

        await client.PublishAsync("gonggrid/v1/tls", Utf8("encrypted"));

        Assert.Equal("encrypted", (await client.NextMessageAsync()).Text());
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_ca_refuses_the_broker()
    {
        await using var client = new MqttClient(Options(_broker.Port, "bridge") with { Tls = new MqttTlsOptions() });

        await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync());
    }
}
