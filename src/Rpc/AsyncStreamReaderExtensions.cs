using System.Runtime.CompilerServices;

namespace GongGrid.Rpc;

public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads a stream with <c>await foreach</c>.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
