using System.Net;
using System.Security.Cryptography.X509Certificates;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Rpc.Tests.Support;

/// <summary>
/// Kestrel on 127.0.0.1 with an OS-chosen port, HTTP/2 only (h2c, or TLS with a given certificate), serving
/// <see cref="EchoService"/>. One per test: each test picks its own limits and filter.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri address, Observations observed)
    {
        _app = app;
        Address = address;
        Observed = observed;
    }

    public Uri Address { get; }

    public Observations Observed { get; }

    public static async Task<TestServer> StartAsync(
        Action<GrpcServerOptions>? configure = null, X509Certificate2? certificate = null, bool mapUnimplemented = true)
    {
        var options = new GrpcServerOptions();
        configure?.Invoke(options);
        var observed = new Observations();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(observed);
        // Stopping waits for open calls this long, then aborts them.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Stricter than Kestrel's default (5 s grace) so that a quiet stream would be cut within a short test.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(1.5));
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        if (mapUnimplemented)
        {
            app.MapGrpcUnimplemented();
        }

        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new TestServer(app, new Uri(bound.Addresses.Single()), observed);
    }

    public GrpcChannel Channel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <summary>Stops the server while calls may still be open (they are aborted after the shutdown timeout).</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
