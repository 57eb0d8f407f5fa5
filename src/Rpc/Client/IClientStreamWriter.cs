namespace GongGrid.Rpc.Client;

/// <summary>The request side of a client-streaming or bidirectional call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Tells the server no more messages will come (half-close).</summary>
    Task CompleteAsync();
}
