using System.Net;
using Google.Protobuf;

namespace GongGrid.Rpc.Client;

/// <summary>
/// Calls to one server over HTTP/2: h2c (prior knowledge) for <c>http://</c> addresses such as loopback, TLS with
/// ALPN for <c>https://</c>. Keeps one pooled connection set for every call; dispose it when done.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly CancellationTokenSource _closing = new();

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        Closing = _closing.Token;
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (options.ServerCertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        Http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpClient Http { get; }

    /// <summary>
    /// Cancelled by <see cref="Dispose"/>: HttpClient keeps an HTTP/2 connection up while streams are open on it, so
    /// each call ends itself (CANCELLED) instead of outliving the channel.
    /// </summary>
    internal CancellationToken Closing { get; }

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) =>
        address.Scheme is "http" or "https"
            ? new GrpcChannel(address, options ?? new GrpcChannelOptions())
            : throw new ArgumentException($"A gRPC address is http:// (h2c) or https://, not '{address}'.", nameof(address));

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        await using var call = Start(method, options, request);
        return await call.ReadSingleResponseAsync().ConfigureAwait(false);
    }

    public ServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, options, request);
        return new(call, call);
    }

    public ClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, options, request: null);
        return new(call, call.ReadSingleResponseAsync, call);
    }

    public DuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var call = Start(method, options, request: null);
        return new(call, call, call);
    }

    public void Dispose()
    {
        if (Closing.IsCancellationRequested)
        {
            return;
        }

        _closing.Cancel();
        Http.Dispose();
        _closing.Dispose();
    }

    private ClientCall<TRequest, TResponse> Start<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions? options, TRequest? request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ObjectDisposedException.ThrowIf(Closing.IsCancellationRequested, this);
        return ClientCall<TRequest, TResponse>.Start(this, method, options, request);
    }

    internal static Version Http2 => HttpVersion.Version20;
}
