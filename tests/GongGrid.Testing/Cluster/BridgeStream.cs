using GongGrid.Api.V1;
using Grpc.Core;

namespace GongGrid.Testing.Cluster;

/// <summary>An edge bridge's ingest stream to one silo, one batch in flight: send it, wait for its acknowledgements.</summary>
public sealed class BridgeStream : IAsyncDisposable
{
    private static readonly TimeSpan AckPatience = TimeSpan.FromSeconds(20);
    private readonly AsyncDuplexStreamingCall<IngestRequest, IngestResponse> _call;

    public BridgeStream(ClusterSilo silo)
    {
        Silo = silo;
        _call = new IngestService.IngestServiceClient(silo.Channel).Ingest(new CallOptions([new("authorization", $"Bearer {ClusterSilo.BridgeToken}")]));
    }

    public ClusterSilo Silo { get; }

    /// <summary>The batch's acknowledgements; throws when the stream fails or no answer comes in time.</summary>
    public async Task<EventAcks> SendAsync(DeviceEvent[] batch)
    {
        using var patience = new CancellationTokenSource(AckPatience);
        await _call.RequestStream.WriteAsync(new IngestRequest { Events = { batch } }, patience.Token);
        while (await _call.ResponseStream.MoveNext(patience.Token))
        {
            if (_call.ResponseStream.Current.BodyCase == IngestResponse.BodyOneofCase.Acks)
            {
                return _call.ResponseStream.Current.Acks;
            }
        }
        throw new IOException($"{Silo.Name} ended the ingest stream without acknowledging the batch.");
    }

    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        return ValueTask.CompletedTask;
    }
}
