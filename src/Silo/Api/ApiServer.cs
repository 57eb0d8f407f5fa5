using System.Net;
using GongGrid.Api.V1;
using GongGrid.Silo.Api.Health;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Api.Services;
using GongGrid.Silo.Api.Streams;
using GongGrid.Silo.Dashboard;
using GongGrid.Silo.Metrics;
using Grpc.AspNetCore.Web;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Silo.Api;

/// <summary>
/// Puts the gRPC services (grpc-dotnet) on Kestrel beside the grain runtime in one process, with grpc.health.v1,
/// server reflection and gRPC-Web, and their limits: message sizes both ways (grpc-dotnet 2.85 also stops inflating
/// a gzip or deflate message at MaxReceiveMessageSize), HTTP/2 streams per connection, keep-alive pings.
/// </summary>
public static class ApiServer
{
    private static readonly string[] Services =
        [DistrictService.Descriptor.FullName, AlarmService.Descriptor.FullName, IngestService.Descriptor.FullName, AdminService.Descriptor.FullName];

    public static void Configure(WebApplicationBuilder builder, ApiOptions options)
    {
        var listen = new Uri(options.Listen);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
            kestrel.Limits.Http2.KeepAlivePingDelay = options.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = options.KeepAlivePingTimeout;
            // Listened to first, so it is the first bound address (BoundAddress).
            kestrel.Listen(Address(listen), listen.Port, endpoint =>
            {
                if (listen.Scheme == Uri.UriSchemeHttps)
                {
                    // ALPN picks HTTP/2 for gRPC clients and lets browsers in on either version.
                    endpoint.Protocols = HttpProtocols.Http1AndHttp2;
                    endpoint.UseHttps(
                        options.CertificatePath ?? throw new InvalidOperationException($"GongGrid:Api:Listen is {listen}, so GongGrid:Api:CertificatePath must name a .pfx file."),
                        options.CertificatePassword);
                }
                else
                {
                    // Without TLS there is no negotiation: HTTP/2 by prior knowledge (h2c), as gRPC clients speak it.
                    endpoint.Protocols = HttpProtocols.Http2;
                }
            });
            if (options.WebListen.Length > 0)
            {
                var web = new Uri(options.WebListen);
                kestrel.Listen(Address(web), web.Port, endpoint => endpoint.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = options.MaxReplyBytes;
            grpc.EnableDetailedErrors = false;
            // In order, outermost first: errors mapped, then the token checked, then the method.
            grpc.Interceptors.Add<GrainErrors>();
            grpc.Interceptors.Add<TokenAuthentication>();
            grpc.Interceptors.Add<UnknownHealthService>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services
            .AddGrpcHealthChecks(health =>
            {
                foreach (var service in Services)
                {
                    health.Services.Map(service, _ => true);
                }
            })
            .AddCheck<SiloLifetimeCheck>("silo");
        builder.Services
            .AddSingleton(new TokenAuthentication(options.Tokens))
            .AddSingleton<UnknownHealthService>()
            .AddSingleton<DistrictApi>()
            .AddSingleton<AlarmApi>()
            .AddSingleton<IngestApi>()
            .AddSingleton<IngestMeter>()
            .AddSingleton<AdminApi>()
            .AddSingleton<AlarmFeed>()
            .AddHostedService(services => services.GetRequiredService<AlarmFeed>())
            .AddSingleton<BridgeRegistry>()
            .AddSingleton<SiloStopping>()
            .AddHostedService(services => services.GetRequiredService<SiloStopping>());
        builder.Services.AddDashboard();
    }

    public static void Map(WebApplication app)
    {
        app.UseDashboard();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<DistrictApi>();
        app.MapGrpcService<AlarmApi>();
        app.MapGrpcService<IngestApi>();
        app.MapGrpcService<AdminApi>();
        app.MapGrpcHealthChecksService();
        // The health-check publisher's first report comes seconds after the start, and open watches would hear it as a
        // change from nothing to SERVING; it is SERVING from the start instead.
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var service in Services.Prepend(""))
            {
                health.SetStatus(service, HealthCheckResponse.Types.ServingStatus.Serving);
            }
        });
        app.MapGrpcReflectionService();
    }

    /// <summary>The address a listen URL names: any for * or 0.0.0.0, loopback for localhost.</summary>
    public static IPAddress Address(Uri listen) =>
        listen.Host is "*" or "0.0.0.0" ? IPAddress.Any : IPAddress.Parse(listen.Host == "localhost" ? "127.0.0.1" : listen.Host);

    /// <summary>Where Kestrel listens, with the real port when the configuration asked for port 0.</summary>
    public static Uri BoundAddress(IServiceProvider services) => new(Addresses(services).First());

    /// <summary>
    /// Where browsers reach the dashboard: WebListen when set (bound second, after Listen), else Listen when it is https;
    /// null when neither. The metrics page and the Orleans Dashboard are bound later, on ports of their own.
    /// </summary>
    public static Uri? DashboardAddress(IServiceProvider services, ApiOptions options)
    {
        var addresses = Addresses(services).Select(address => new Uri(address)).ToList();
        return options.WebListen.Length > 0 ? addresses[1] : addresses.Take(1).FirstOrDefault(address => address.Scheme == Uri.UriSchemeHttps);
    }

    private static ICollection<string> Addresses(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
}
