using System.Net;
using GongGrid.Grains.Alarms;
using GongGrid.Rpc.Server;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Api.Services;
using GongGrid.Silo.Api.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Silo.Api;

/// <summary>Puts the gRPC services on Kestrel (HTTP/2 only) beside the grain runtime in one process.</summary>
public static class ApiServer
{
    public static void Configure(WebApplicationBuilder builder, ApiOptions options)
    {
        var listen = new Uri(options.Listen);
        var address = listen.Host is "*" or "0.0.0.0" ? IPAddress.Any : IPAddress.Parse(listen.Host == "localhost" ? "127.0.0.1" : listen.Host);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, listen.Port, endpoint =>
            {
                endpoint.Protocols = HttpProtocols.Http2;
                if (listen.Scheme == "https")
                {
                    endpoint.UseHttps(
                        options.CertificatePath ?? throw new InvalidOperationException($"GongGrid:Api:Listen is {listen}, so GongGrid:Api:CertificatePath must name a .pfx file."),
                        options.CertificatePassword);
                }
            });
        });
        var authentication = new TokenAuthentication(options.Tokens);
        builder.Services
            .AddRouting()
            .AddSingleton(new GrpcServerOptions
            {
                MaxReceiveMessageSize = options.MaxMessageBytes,
                CallFilter = authentication.AuthenticateAsync,
                ExceptionMapper = GrainErrors.ToStatus,
            })
            .AddSingleton<AlarmFeed>()
            .AddSingleton<IAlarmListener>(services => services.GetRequiredService<AlarmFeed>())
            .AddSingleton<BridgeRegistry>()
            .AddSingleton<SiloStopping>();
    }

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<DistrictApi>();
        app.MapGrpcService<AlarmApi>();
        app.MapGrpcService<IngestApi>();
        app.MapGrpcService<AdminApi>();
        app.MapGrpcService<HealthApi>();
        app.MapGrpcUnimplemented();
    }

    /// <summary>Where Kestrel listens, with the real port when the configuration asked for port 0.</summary>
    public static Uri BoundAddress(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
