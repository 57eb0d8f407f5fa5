namespace GongGrid.Rpc;

/// <summary>Sends messages on a streaming call. Safe to call from several tasks; writes go out one at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
