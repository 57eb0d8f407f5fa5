using System.Buffers;
using System.IO.Pipelines;
using System.Net.Http.Headers;
using Google.Protobuf;
using GongGrid.Rpc.Framing;

namespace GongGrid.Rpc.Client;

/// <summary>
/// One outgoing call: sends the request headers and body, reads framed responses, and turns the final
/// <c>grpc-status</c> (or a transport failure, cancellation or deadline) into an <see cref="RpcException"/>.
/// </summary>
internal sealed class ClientCall<TRequest, TResponse>
    : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>, IAsyncDisposable
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly TimeSpan? _timeout;
    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenSource _cancelled;
    // Kept apart from _cancelled, which DisposeAsync disposes while other tasks may still read or write.
    private readonly CancellationToken _callToken;
    private readonly CancellationTokenRegistration _resetOnCancel;
    private readonly RequestStreamContent<TRequest>? _requestStream;
    private readonly Task<HttpResponseMessage> _response;
    private FrameReader<TResponse>? _frames;
    // The response ended with status OK: reads return null from now on.
    private bool _ended;
    // The call failed: reads throw this from now on, rather than looking like a clean end.
    private RpcException? _failure;
    private TResponse? _current;

    private ClientCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options, TRequest? request)
    {
        _channel = channel;
        _method = method;
        _timeout = options.Timeout;
        // Framed first: an oversize request throws before anything registers on the caller's token or starts a timer.
        HttpContent content;
        if (request is null)
        {
            _requestStream = new RequestStreamContent<TRequest>(channel.Options.MaxSendMessageSize, options.Gzip);
            content = _requestStream;
        }
        else
        {
            var framed = new ArrayBufferWriter<byte>();
            FrameWriter.Write(framed, request, channel.Options.MaxSendMessageSize, options.Gzip);
            content = new ReadOnlyMemoryContent(framed.WrittenMemory);
        }

        _cancelled = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _deadline.Token, channel.Closing);
        _callToken = _cancelled.Token;
        if (_timeout is { } timeout && GrpcTimeout.ForTimer(timeout) is { } due)
        {
            _deadline.CancelAfter(due);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(channel.Address, method.FullName))
        {
            Version = GrpcChannel.Http2,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        AddHeaders(message.Headers, options, channel.Options.BearerToken);
        _response = channel.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _callToken);
        _resetOnCancel = _callToken.Register(static call => ((ClientCall<TRequest, TResponse>)call!).ResetStream(), this);
        if (_requestStream is { } stream)
        {
            _response.ContinueWith(
                t => stream.Abandon(Map(t.Exception?.InnerException ?? new OperationCanceledException())),
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion,
                TaskScheduler.Default);
        }
    }

    public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public static ClientCall<TRequest, TResponse> Start(
        GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions? options, TRequest? request) =>
        new(channel, method, options ?? new CallOptions(), request);

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        _current = await ReadNextAsync(cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }

    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var response = await ReadNextAsync(CancellationToken.None).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, $"{_method} ended OK without a response message");
        return await ReadNextAsync(CancellationToken.None).ConfigureAwait(false) is null
            ? response
            : throw new RpcException(StatusCode.Internal, $"{_method} sent more than one response message");
    }

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        var stream = _requestStream ?? throw new InvalidOperationException($"{_method} does not stream requests.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken);
        try
        {
            await stream.WriteAsync(message, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException and not InvalidOperationException)
        {
            throw await EndedByServerAsync().ConfigureAwait(false) ?? Map(ex);
        }
    }

    public Task CompleteAsync()
    {
        (_requestStream ?? throw new InvalidOperationException($"{_method} does not stream requests.")).Complete();
        return Task.CompletedTask;
    }

    /// <summary>Cancels the call unless it ended OK, which resets the HTTP/2 stream so the server stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            _failure ??= new RpcException(StatusCode.Cancelled, $"{_method} was disposed");
            await _cancelled.CancelAsync().ConfigureAwait(false);
        }

        _requestStream?.Abandon(new RpcException(StatusCode.Cancelled, $"{_method} was disposed"));
        if (_response.IsCompletedSuccessfully)
        {
            _response.Result.Dispose();
        }

        await _resetOnCancel.DisposeAsync().ConfigureAwait(false);
        _cancelled.Dispose();
        _deadline.Dispose();
    }

    private async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        if (_failure is { } failure)
        {
            throw failure;
        }

        if (_ended)
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken);
        try
        {
            var frames = _frames ??= await OpenResponseAsync(linked.Token).ConfigureAwait(false);
            var message = frames is null ? null : await frames.ReadAsync(linked.Token).ConfigureAwait(false);
            if (message is null)
            {
                if (frames is not null)
                {
                    ThrowUnlessOk(_response.Result.TrailingHeaders, "trailers");
                }

                _ended = true;
                // The server is done: end our side too, so the HTTP/2 stream closes without waiting for a dispose.
                _requestStream?.Complete();
            }

            return message;
        }
        catch (Exception ex)
        {
            _failure ??= Map(ex);
            _requestStream?.Abandon(_failure);
            throw _failure;
        }
    }

    /// <summary>
    /// Resets the HTTP/2 stream (RST_STREAM CANCEL) so the server's handler stops: once the response headers are in,
    /// HttpClient no longer watches the token given to SendAsync, but disposing the response resets the stream.
    /// </summary>
    private void ResetStream() =>
        _response.ContinueWith(
            static response => response.Result.Dispose(),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>Reads the response headers; null when they already carry the status (a trailers-only answer).</summary>
    private async Task<FrameReader<TResponse>?> OpenResponseAsync(CancellationToken cancellationToken)
    {
        var response = await _response.ConfigureAwait(false);
        if (response.Headers.Contains(GrpcHeaders.Status))
        {
            ThrowUnlessOk(response.Headers, "headers");
            return null;
        }

        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new RpcException(
                HttpStatusMapping.ToStatusCode(response.StatusCode),
                $"{_channel.Address} answered {_method} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            throw new RpcException(StatusCode.Internal, $"{_channel.Address} answered with content-type '{contentType}', not gRPC");
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var encoding = response.Headers.TryGetValues(GrpcHeaders.Encoding, out var values) ? values.FirstOrDefault() : null;
        return new FrameReader<TResponse>(
            PipeReader.Create(body), _method.ResponseParser, _channel.Options.MaxReceiveMessageSize, encoding);
    }

    /// <summary>
    /// HttpClient stops the request body once the server ends the call, so writes then fail with a bare cancellation;
    /// the server's status says why, when it came in the response headers (a refusal before any message).
    /// </summary>
    private async Task<RpcException?> EndedByServerAsync()
    {
        if (_failure is { } failure)
        {
            return failure;
        }

        if (_callToken.IsCancellationRequested)
        {
            return null;
        }

        // The body is stopped as the response arrives; give the response a moment to surface.
        await Task.WhenAny(_response, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        return _response.IsCompletedSuccessfully && _response.Result.Headers.Contains(GrpcHeaders.Status)
            ? Failure(_response.Result.Headers, "headers")
            : null;
    }

    private void ThrowUnlessOk(HttpHeaders headers, string where)
    {
        if (Failure(headers, where) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The call's failure from the grpc-status in <paramref name="headers"/>; null for OK.</summary>
    private RpcException? Failure(HttpHeaders headers, string where)
    {
        if (!headers.TryGetValues(GrpcHeaders.Status, out var statuses)
            || !int.TryParse(statuses.FirstOrDefault(), out var status))
        {
            return new RpcException(StatusCode.Internal, $"{_method} ended without a valid grpc-status in its {where}");
        }

        if (status == (int)StatusCode.OK)
        {
            return null;
        }

        var detail = headers.TryGetValues(GrpcHeaders.Message, out var messages)
            ? StatusMessageEncoding.Decode(messages.FirstOrDefault() ?? "")
            : "";
        // Codes past the 17 the protocol defines (a newer or foreign peer) read as UNKNOWN.
        return new RpcException(Enum.IsDefined((StatusCode)status) ? (StatusCode)status : StatusCode.Unknown, detail);
    }

    private RpcException Map(Exception ex) =>
        ex switch
        {
            RpcException rpc => rpc,
            // Cancelling resets the stream, so the transport may fail in its own way; the cause is the cancel.
            _ when _deadline.IsCancellationRequested =>
                new RpcException(StatusCode.DeadlineExceeded, $"{_method} did not finish within {_timeout}", ex),
            _ when _callToken.IsCancellationRequested =>
                new RpcException(StatusCode.Cancelled, $"{_method} was cancelled", ex),
            OperationCanceledException => new RpcException(StatusCode.Cancelled, $"{_method} was cancelled", ex),
            ObjectDisposedException => new RpcException(StatusCode.Cancelled, $"{_method} was disposed", ex),
            // A reset that beats the response headers comes wrapped in the HttpRequestException of SendAsync.
            _ when (ex as HttpProtocolException ?? ex.InnerException as HttpProtocolException) is { } reset => new RpcException(
                HttpStatusMapping.FromHttp2Error(reset.ErrorCode),
                $"{_channel.Address} reset {_method} (HTTP/2 error 0x{reset.ErrorCode:X}): {ex.Message}",
                ex),
            HttpRequestException or IOException =>
                new RpcException(StatusCode.Unavailable, $"{_method} on {_channel.Address} failed: {ex.Message}", ex),
            _ => new RpcException(StatusCode.Unknown, $"{_method} failed: {ex.Message}", ex),
        };

    private static void AddHeaders(HttpRequestHeaders headers, CallOptions options, string? channelToken)
    {
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        headers.UserAgent.Add(new ProductInfoHeaderValue("gonggrid-grpc", "1"));
        if (options.Timeout is { } timeout)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(timeout));
        }

        if ((options.BearerToken ?? channelToken) is { } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (options.Gzip)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, GrpcHeaders.Gzip);
        }
    }
}
