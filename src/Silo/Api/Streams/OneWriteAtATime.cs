using Grpc.Core;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// A response stream that several tasks write to, taking turns: grpc-dotnet allows one pending write per stream, and
/// an ingest stream carries acknowledgements of batches applied concurrently and device commands from other calls.
/// </summary>
public sealed class OneWriteAtATime<T>(IAsyncStreamWriter<T> stream, CancellationToken callEnded) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task WriteAsync(T message)
    {
        await _turn.WaitAsync(callEnded);
        try
        {
            await stream.WriteAsync(message, callEnded);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
