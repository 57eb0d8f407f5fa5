using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;
using GongGrid.Testing.Network;

namespace GongGrid.Rpc.Tests;

/// <summary>The connection under the calls: quiet streams, a server that is not there, and TLS.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task A_duplex_stream_survives_seconds_of_silence()
    {
        // The test server's minimum request data rate has a 1.5 s grace period; a stream Kestrel judged as an upload
        // would be cut well within this pause.
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.DuplexStreaming(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "trước" });
        Assert.True(await call.ResponseStream.MoveNext());
        await Task.Delay(TimeSpan.FromSeconds(3));
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "sau" });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal("sau", call.ResponseStream.Current.Text);
        Assert.False(await server.Observed.CancelledWithin("chat", TimeSpan.Zero));
    }

    [Fact]
    public async Task A_closed_port_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "có ai không" }));

        Assert.Equal(StatusCode.Unavailable, ex.Status);
    }

    [Fact]
    public async Task A_closed_port_fails_stream_writes_and_reads_as_unavailable()
    {
        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        await using var call = channel.DuplexStreaming(EchoMethods.Chat);
        var write = await Assert.ThrowsAsync<RpcException>(
            () => call.RequestStream.WriteAsync(new ChatMessage { Text = "có ai không" }).WaitAsync(TimeSpan.FromSeconds(5)));
        var read = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unavailable, write.Status);
        Assert.Equal(StatusCode.Unavailable, read.Status);
    }

    [Fact]
    public async Task A_tls_server_with_a_certificate_the_channel_accepts_answers()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        using var channel = server.Channel(new GrpcChannelOptions
        {
            ServerCertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == certificate.Thumbprint,
        });

        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "bảo mật" });

        Assert.Equal("https", server.Address.Scheme);
        Assert.Equal("bảo mật", reply.Text);
    }

    [Fact]
    public async Task A_tls_server_with_an_untrusted_certificate_is_unavailable()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await TestServer.StartAsync(certificate: certificate);
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "bảo mật" }));

        Assert.Equal(StatusCode.Unavailable, ex.Status);
        Assert.False(server.Observed.Started("bảo mật"));
    }

    /// <summary>A loopback port nothing listens on: free a moment ago.</summary>
    private static int ClosedPort() => FreeTcpPort.Next();

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Through PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
