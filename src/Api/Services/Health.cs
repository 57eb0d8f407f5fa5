using Google.Protobuf.Reflection;
using GongGrid.Rpc;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;

namespace GongGrid.Api.Health;

/// <summary>
/// grpc.health.v1.Health, the standard health checking protocol. The methods come from the descriptor protoc generated, with a server base class
/// and a client: what grpc's code generator would emit, written by hand because its runtime cannot be restored here.
/// </summary>
public static class Health
{
    private static readonly ServiceDescriptor Descriptor = HealthReflection.Descriptor.Services.Single(service => service.Name == "Health");

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> Check = Method<HealthCheckRequest, HealthCheckResponse>.From(Descriptor, nameof(Check));

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch = Method<HealthCheckRequest, HealthCheckResponse>.From(Descriptor, nameof(Watch));

    /// <summary>Implement this and map it with <c>MapGrpcService</c>.</summary>
    public abstract class HealthBase : IGrpcService
    {
        public abstract Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context);

        public abstract Task Watch(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responses, ServerCallContext context);

        public void Bind(ServiceBinder binder)
        {
            binder.Unary(Health.Check, Check);
            binder.ServerStreaming(Health.Watch, Watch);
        }
    }

    public sealed class HealthClient(GrpcChannel channel)
    {
        public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(Health.Check, request, options);

        public ServerStreamingCall<HealthCheckResponse> Watch(HealthCheckRequest request, CallOptions? options = null) =>
            channel.ServerStreaming(Health.Watch, request, options);
    }
}
