using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// The single writer of one database file: a loop that drains every pending write request and commits them in
/// one transaction (group commit). When 70,000 villages finalise at once, the cost of a commit's fsync is
/// shared by the whole batch instead of paid per grain.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<SqliteWriteRequest> _requests =
        Channel.CreateUnbounded<SqliteWriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteBatch _batch;
    private readonly int _maxBatchSize;
    private readonly Task _loop;

    public SqliteWriter(SqliteConnection connection, int maxBatchSize)
    {
        _connection = connection;
        _batch = new SqliteBatch(connection);
        _maxBatchSize = maxBatchSize;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="write"/>; the task completes after its batch committed.</summary>
    public Task<T> EnqueueAsync<T>(Func<SqliteBatch, T> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var request = new SqliteWriteRequest<T>(write, cancellationToken);
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }

        return request.Task;
    }

    /// <summary>Stops taking requests, commits those already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteRequest>(_maxBatchSize);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _requests.Reader.TryRead(out var request))
            {
                if (request.TryTake())
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
                batch.Clear();
            }
        }
    }

    private void Commit(List<SqliteWriteRequest> batch)
    {
        try
        {
            using var transaction = _batch.Begin();
            foreach (var request in batch)
            {
                request.Apply(_batch);
            }

            transaction.Commit();
        }
        catch (Exception error)
        {
            if (batch.Count == 1)
            {
                batch[0].Fail(error);
                return;
            }

            // Something other than an ETag conflict broke the transaction (a bad payload, a full disk): it rolled
            // back, so commit each request alone and let the failure land only where it belongs.
            foreach (var request in batch)
            {
                Commit([request]);
            }

            return;
        }

        foreach (var request in batch)
        {
            request.Complete();
        }
    }
}
