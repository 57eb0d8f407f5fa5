using System.Buffers;
using System.Net;
using Google.Protobuf;
using GongGrid.Rpc.Framing;

namespace GongGrid.Rpc.Client;

/// <summary>
/// A request body that stays open while the caller writes messages: HttpClient sends the headers, hands over the
/// HTTP/2 stream, and the body ends (half-close) when the caller completes it.
/// </summary>
internal sealed class RequestStreamContent<T>(int maxMessageSize, bool gzip) : HttpContent
    where T : IMessage<T>
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Exception? _abandoned;

    public async Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (_completed.Task.IsCompleted)
        {
            throw _abandoned ?? new InvalidOperationException("The request stream is already complete.");
        }

        var framed = new ArrayBufferWriter<byte>();
        FrameWriter.Write(framed, message, maxMessageSize, gzip);
        var stream = await _stream.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(framed.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Complete() => _completed.TrySetResult();

    /// <summary>The call failed before or while sending: writers waiting for the stream learn why.</summary>
    public void Abandon(Exception reason)
    {
        Interlocked.CompareExchange(ref _abandoned, reason, null);
        _stream.TrySetException(reason);
        _completed.TrySetResult();
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // Send the request headers now: on a busy connection HttpClient would hold them until the first message,
        // and a bridge that has nothing to send yet must still be seen (and refused, or sent commands) at once.
        await stream.FlushAsync().ConfigureAwait(false);
        _stream.TrySetResult(stream);
        await _completed.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
