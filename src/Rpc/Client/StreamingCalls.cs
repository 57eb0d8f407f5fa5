namespace GongGrid.Rpc.Client;

/// <summary>A call answered by a stream of messages. Dispose it to cancel the call early.</summary>
public sealed class ServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responses, IAsyncDisposable call)
    : IAsyncDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responses;

    public ValueTask DisposeAsync() => call.DisposeAsync();
}

/// <summary>A call that sends a stream and receives one answer once the stream is complete.</summary>
public sealed class ClientStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requests, Func<Task<TResponse>> readResponse, IAsyncDisposable call)
    : IAsyncDisposable
{
    private readonly Lazy<Task<TResponse>> _response = new(readResponse);

    public IClientStreamWriter<TRequest> RequestStream { get; } = requests;

    public Task<TResponse> ResponseAsync => _response.Value;

    public ValueTask DisposeAsync() => call.DisposeAsync();
}

/// <summary>A call with streams both ways, such as an edge bridge's ingest stream.</summary>
public sealed class DuplexStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requests, IAsyncStreamReader<TResponse> responses, IAsyncDisposable call)
    : IAsyncDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requests;

    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responses;

    public ValueTask DisposeAsync() => call.DisposeAsync();
}
