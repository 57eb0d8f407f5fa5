using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// Read-only connections from the driver's pool. In WAL mode readers never wait for the writer, and each read
/// sees every batch committed before it started.
/// </summary>
internal sealed class SqliteReader(string path) : IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    private volatile bool _disposed;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteStore));
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Closes the pooled connections so the file is released.</summary>
    public void Dispose()
    {
        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
