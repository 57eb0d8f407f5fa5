using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;

namespace GongGrid.Silo.Api.Health;

/// <summary>
/// grpc.health.v1 Check answers a service name it does not know with a bare NOT_FOUND; this names the service, so a
/// probe misconfigured with a wrong name says which.
/// </summary>
public sealed class UnknownHealthService : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException unknown) when (unknown.StatusCode == StatusCode.NotFound && request is HealthCheckRequest check)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"unknown service '{check.Service}'"));
        }
    }
}
