using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.EdgeBridge.Uplink;

/// <summary>
/// The bridge's gRPC channel to the grid: its token on every call, keep-alive pings, and TLS that trusts the
/// district's own certificate authority when one is configured.
/// </summary>
public static class GridChannel
{
    public static GrpcChannel Open(string siloAddress, UplinkOptions options)
    {
        var address = new Uri(siloAddress);
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (options.CaCertificatePath is { Length: > 0 } caPath)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = IssuedBy(X509CertificateLoader.LoadCertificateFromFile(caPath));
        }

        var token = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {options.Token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Create(address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, token),
            // h2c is for loopback or a trusted link to a TLS proxy; the token goes with every call there too.
            UnsafeUseInsecureChannelCallCredentials = true,
            DisposeHttpClient = true,
        });
    }

    /// <summary>Accepts a certificate for the grid's host name that chains to <paramref name="authority"/>, and no other.</summary>
    private static RemoteCertificateValidationCallback IssuedBy(X509Certificate2 authority) => (_, certificate, _, errors) =>
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    };
}
