using Google.Protobuf;
using GongGrid.Rpc.Framing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace GongGrid.Rpc.Server;

/// <summary>
/// One incoming call: checks the request's protocol headers, runs the method under its deadline, and ends the
/// response with <c>grpc-status</c> (in trailers, or alone in the headers when nothing else was sent).
/// </summary>
internal sealed class ServerCall
{
    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly string? _requestEncoding;

    private ServerCall(HttpContext http, GrpcServerOptions options, ServerCallContext context, string? requestEncoding)
    {
        _http = http;
        _options = options;
        Context = context;
        _requestEncoding = requestEncoding;
    }

    public ServerCallContext Context { get; }

    public static async Task HandleAsync(
        HttpContext http, string method, GrpcServerOptions options, bool streamsResponse, Func<ServerCall, Task> body)
    {
        if (!Accept(http))
        {
            return;
        }

        var request = http.Request;
        var response = http.Response;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;

        var encoding = request.Headers[GrpcHeaders.Encoding].FirstOrDefault();
        if (!MessageCompression.IsSupported(encoding))
        {
            WriteStatus(response, StatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; use identity or gzip");
            return;
        }

        var timeoutHeader = request.Headers[GrpcHeaders.Timeout].FirstOrDefault();
        TimeSpan? timeout = null;
        if (timeoutHeader is not null)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                WriteStatus(response, StatusCode.Internal, $"grpc-timeout '{timeoutHeader}' is malformed");
                return;
            }

            timeout = GrpcTimeout.ForTimer(parsed);
        }

        LiftLimitsForLongStreams(http);
        using var deadline = new CancellationTokenSource();
        using var callCancelled = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadline.Token);
        if (timeout is { } due)
        {
            deadline.CancelAfter(due);
        }

        var context = new ServerCallContext(http, method, DateTimeOffset.UtcNow + timeout, callCancelled.Token);
        var call = new ServerCall(http, options, context, encoding);
        try
        {
            if (options.CallFilter is { } filter)
            {
                await filter(context).ConfigureAwait(false);
            }

            if (streamsResponse)
            {
                // Send the headers now: a client holding an alarm stream open learns at once that the call is live.
                await response.BodyWriter.FlushAsync(callCancelled.Token).ConfigureAwait(false);
            }

            await body(call).ConfigureAwait(false);
            deadline.Token.ThrowIfCancellationRequested();
            WriteStatus(response, StatusCode.OK, null);
        }
        catch (RpcException ex)
        {
            WriteStatus(response, ex.Status, ex.Detail);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            WriteStatus(response, StatusCode.DeadlineExceeded, $"the deadline of {timeoutHeader} passed before {method} finished");
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to tell.
        }
        catch (Exception ex) when (options.ExceptionMapper?.Invoke(ex) is { } mapped)
        {
            WriteStatus(response, mapped.Status, mapped.Detail);
        }
        catch (Exception ex)
        {
            Logger(http).LogError(ex, "{Method} failed for {Peer}", method, context.Peer);
            WriteStatus(response, StatusCode.Internal, $"{method} failed inside the server ({ex.GetType().Name}); the server logged the details");
        }
    }

    public async Task<TRequest> ReadSingleRequestAsync<TRequest>(MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
    {
        var frames = RequestFrames(parser);
        var request = await frames.ReadAsync(Context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "the request body ended without a message");
        return await frames.ReadAsync(Context.CancellationToken).ConfigureAwait(false) is null
            ? request
            : throw new RpcException(StatusCode.Internal, "more than one request message on a call that takes one");
    }

    public IAsyncStreamReader<TRequest> RequestStream<TRequest>(MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest> =>
        new RequestStreamReader<TRequest>(RequestFrames(parser), Context.CancellationToken);

    public IAsyncStreamWriter<TResponse> ResponseStream<TResponse>()
        where TResponse : IMessage<TResponse> =>
        new ResponseStreamWriter<TResponse>(_http.Response, _options.MaxSendMessageSize, Context.CancellationToken);

    public async Task WriteSingleResponseAsync<TResponse>(TResponse response)
        where TResponse : IMessage<TResponse>
    {
        Context.CancellationToken.ThrowIfCancellationRequested();
        await ResponseStream<TResponse>().WriteAsync(response).ConfigureAwait(false);
    }

    private FrameReader<TRequest> RequestFrames<TRequest>(MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest> =>
        new(_http.Request.BodyReader, parser, _options.MaxReceiveMessageSize, _requestEncoding);

    /// <summary>Refuses what is not a gRPC request at the HTTP level, as the protocol asks.</summary>
    private static bool Accept(HttpContext http)
    {
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return false;
        }

        if (!HttpProtocol.IsHttp2(http.Request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2c";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Kestrel's whole-body size limit and minimum data rate suit uploads, not an ingest stream that stays open all
    /// night and is quiet between rounds; gRPC limits each message instead.
    /// </summary>
    private static void LiftLimitsForLongStreams(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }

    private static void WriteStatus(HttpResponse response, StatusCode status, string? message)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encoded = string.IsNullOrEmpty(message) ? null : StatusMessageEncoding.Encode(message);
        if (!response.HasStarted)
        {
            // Trailers-only: the status travels in the only HEADERS frame, which also ends the stream.
            response.Headers[GrpcHeaders.Status] = code;
            if (encoded is not null)
            {
                response.Headers[GrpcHeaders.Message] = encoded;
            }

            return;
        }

        response.AppendTrailer(GrpcHeaders.Status, code);
        if (encoded is not null)
        {
            response.AppendTrailer(GrpcHeaders.Message, encoded);
        }
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory
            ? factory.CreateLogger("GongGrid.Rpc.Server")
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
