using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Rpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>Maps every method of <typeparamref name="TService"/> (one instance, from DI or created).</summary>
    public static IEndpointRouteBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : IGrpcService
    {
        var service = ActivatorUtilities.GetServiceOrCreateInstance<TService>(endpoints.ServiceProvider);
        var binder = new ServiceBinder(Options(endpoints));
        service.Bind(binder);
        foreach (var (path, handler) in binder.Endpoints)
        {
            endpoints.MapPost(path, handler);
        }

        return endpoints;
    }

    /// <summary>Answers gRPC calls to methods nobody mapped with UNIMPLEMENTED, naming the method.</summary>
    public static IEndpointRouteBuilder MapGrpcUnimplemented(this IEndpointRouteBuilder endpoints)
    {
        var options = Options(endpoints);
        endpoints.MapPost(
            "/{service}/{method}",
            http => ServerCall.HandleAsync(
                http, http.Request.Path, options, streamsResponse: false,
                _ => throw new RpcException(StatusCode.Unimplemented, $"the server has no method {http.Request.Path}")))
            .WithOrder(int.MaxValue);
        return endpoints;
    }

    private static GrpcServerOptions Options(IEndpointRouteBuilder endpoints) =>
        endpoints.ServiceProvider.GetService<GrpcServerOptions>() ?? new GrpcServerOptions();
}
