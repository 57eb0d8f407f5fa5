using System.Threading.Channels;
using GongGrid.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Api.Tests.Support;

/// <summary>
/// An edge bridge's open ingest stream: sends batches and waits for their acknowledgements, and collects the
/// device commands the silo sends down.
/// </summary>
public sealed class BridgeConnection : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly AsyncDuplexStreamingCall<IngestRequest, IngestResponse> _call;
    private readonly Channel<EventAcks> _acks = Channel.CreateUnbounded<EventAcks>();
    private readonly Channel<DeviceCommand> _commands = Channel.CreateUnbounded<DeviceCommand>();
    private readonly CancellationTokenSource _hangUp = new();
    private readonly Task<RpcException?> _ended;

    private BridgeConnection(GrpcChannel channel, string token, TimeSpan? timeout)
    {
        _call = new IngestService.IngestServiceClient(channel).Ingest(new CallOptions(ApiSilo.Bearer(token), DateTime.UtcNow + timeout, _hangUp.Token));
        _ended = PumpAsync();
    }

    /// <summary>Opens the stream and waits until the silo has registered it (an empty batch is acknowledged).</summary>
    public static async Task<BridgeConnection> ConnectAsync(GrpcChannel channel, string token)
    {
        var bridge = new BridgeConnection(channel, token, timeout: null);
        await bridge.SendAsync();
        return bridge;
    }

    /// <summary>Opens the stream without waiting for anything, for a caller the silo may refuse.</summary>
    public static BridgeConnection Open(GrpcChannel channel, string token, TimeSpan? timeout = null) => new(channel, token, timeout);

    /// <summary>Sends one batch and returns its acknowledgements; throws the status the stream ended with instead.</summary>
    public Task<EventAcks> SendAsync(params DeviceEvent[] events) => SendAsync(new IngestRequest { Events = { events } });

    /// <summary>Sends one batch as given (its sent_at included) and returns its acknowledgements.</summary>
    public async Task<EventAcks> SendAsync(IngestRequest batch)
    {
        try
        {
            await _call.RequestStream.WriteAsync(batch);
            return await _acks.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        }
        catch (Exception error) when (error is not TimeoutException)
        {
            throw await Ended ?? error;
        }
    }

    public Task<DeviceCommand> NextCommandAsync() => _commands.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool HasCommand => _commands.Reader.TryPeek(out _);

    /// <summary>The status the silo ended the stream with; null when it ended OK.</summary>
    public Task<RpcException?> Ended => _ended.WaitAsync(Patience);

    /// <summary>Waits for the silo to end the stream, throwing the status unless it ended OK.</summary>
    public async Task WaitForEndAsync()
    {
        if (await Ended is { } error)
        {
            throw error;
        }
    }

    /// <summary>Hangs up, and lets the reader see the call end before disposing it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _hangUp.CancelAsync();
        await _ended;
        _call.Dispose();
        _hangUp.Dispose();
    }

    private async Task<RpcException?> PumpAsync()
    {
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync())
            {
                if (response.BodyCase == IngestResponse.BodyOneofCase.Acks)
                {
                    _acks.Writer.TryWrite(response.Acks);
                }
                else
                {
                    _commands.Writer.TryWrite(response.Command);
                }
            }

            return null;
        }
        catch (RpcException error)
        {
            return error;
        }
        finally
        {
            _acks.Writer.TryComplete();
            _commands.Writer.TryComplete();
        }
    }
}
