using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file holding grain state and reminders, with one writer loop for the whole
/// file and pooled read-only connections. Disposing commits every write already queued.
/// </summary>
public sealed class SqliteStore : IAsyncDisposable
{
    private SqliteStore(string path, SqliteWriter writer, SqliteReader reader)
    {
        Path = path;
        Writer = writer;
        Reader = reader;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    internal SqliteWriter Writer { get; }

    internal SqliteReader Reader { get; }

    /// <summary>Opens (or creates) the file, its directory and its schema.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be opened as a GongGrid store; the message names it.</exception>
    public static SqliteStore Open(SqliteStoreOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        var path = System.IO.Path.GetFullPath(options.Path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            connection.Open();
            SqliteSchema.Apply(connection);
        }
        catch (Exception error)
        {
            connection.Dispose();
            if (error is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Cannot open the SQLite store '{path}': {error.Message}", error);
            }

            throw;
        }

        return new SqliteStore(path, new SqliteWriter(connection, options.MaxBatchSize), new SqliteReader(path));
    }

    /// <summary>Refuses new reads and writes, commits the writes already queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        // Readers go first so that the writer's connection is the file's last: closing it checkpoints the WAL.
        Reader.Dispose();
        await Writer.DisposeAsync().ConfigureAwait(false);
    }
}
