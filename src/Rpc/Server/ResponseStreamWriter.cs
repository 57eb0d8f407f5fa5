using Google.Protobuf;
using GongGrid.Rpc.Framing;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Rpc.Server;

/// <summary>Writes framed response messages and flushes each, so a stream held open for hours delivers at once.</summary>
internal sealed class ResponseStreamWriter<T>(HttpResponse response, int maxMessageSize, CancellationToken callCancelled)
    : IAsyncStreamWriter<T>
    where T : IMessage<T>
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, cancellationToken);
        await _oneAtATime.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            FrameWriter.Write(response.BodyWriter, message, maxMessageSize, gzip: false);
            await response.BodyWriter.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
