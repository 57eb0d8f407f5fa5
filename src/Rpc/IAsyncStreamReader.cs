namespace GongGrid.Rpc;

/// <summary>The messages the other side of a streaming call sends, one at a time.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message <see cref="MoveNext"/> last read.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false when the other side finished sending.</summary>
    /// <exception cref="RpcException">The call failed, was cancelled or ran out of time.</exception>
    Task<bool> MoveNext(CancellationToken cancellationToken = default);
}
