using Google.Protobuf;
using GongGrid.Rpc.Framing;

namespace GongGrid.Rpc.Server;

/// <summary>The client's messages on a client-streaming or bidirectional call.</summary>
internal sealed class RequestStreamReader<T>(FrameReader<T> frames, CancellationToken callCancelled) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true yet.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, cancellationToken);
        _current = await frames.ReadAsync(linked.Token).ConfigureAwait(false);
        return _current is not null;
    }
}
