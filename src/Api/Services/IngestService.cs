using Google.Protobuf.Reflection;
using GongGrid.Rpc;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;

namespace GongGrid.Api.V1;

/// <summary>
/// The edge bridge uplink. The methods come from the descriptor protoc generated, with a server base class
/// and a client: what grpc's code generator would emit, written by hand because its runtime cannot be restored here.
/// </summary>
public static class IngestService
{
    private static readonly ServiceDescriptor Descriptor = IngestReflection.Descriptor.Services.Single(service => service.Name == "IngestService");

    public static readonly Method<IngestRequest, IngestResponse> Ingest = Method<IngestRequest, IngestResponse>.From(Descriptor, nameof(Ingest));

    public static readonly Method<BridgeRosterRequest, BridgeRoster> GetBridgeRoster = Method<BridgeRosterRequest, BridgeRoster>.From(Descriptor, nameof(GetBridgeRoster));

    /// <summary>Implement this and map it with <c>MapGrpcService</c>.</summary>
    public abstract class IngestServiceBase : IGrpcService
    {
        public abstract Task Ingest(IAsyncStreamReader<IngestRequest> requests, IAsyncStreamWriter<IngestResponse> responses, ServerCallContext context);

        public abstract Task<BridgeRoster> GetBridgeRoster(BridgeRosterRequest request, ServerCallContext context);

        public void Bind(ServiceBinder binder)
        {
            binder.DuplexStreaming(IngestService.Ingest, Ingest);
            binder.Unary(IngestService.GetBridgeRoster, GetBridgeRoster);
        }
    }

    public sealed class IngestServiceClient(GrpcChannel channel)
    {
        public DuplexStreamingCall<IngestRequest, IngestResponse> Ingest(CallOptions? options = null) =>
            channel.DuplexStreaming(IngestService.Ingest, options);

        public Task<BridgeRoster> GetBridgeRosterAsync(BridgeRosterRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(IngestService.GetBridgeRoster, request, options);
    }
}
