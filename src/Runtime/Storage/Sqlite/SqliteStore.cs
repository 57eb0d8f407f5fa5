using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Reminders.Sqlite;
using Microsoft.Data.Sqlite;

namespace GongGrid.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file holding grain state and reminders, with one writer loop for the whole
/// file and pooled read-only connections. Disposing commits every write already queued.
/// </summary>
public sealed class SqliteStore : IAsyncDisposable
{
    private readonly SqliteWriter _writer;
    private readonly SqliteReader _reader;

    private SqliteStore(string path, SqliteWriter writer, SqliteReader reader, TimeProvider timeProvider)
    {
        Path = path;
        _writer = writer;
        _reader = reader;
        GrainStorage = new SqliteGrainStorage(reader, writer, timeProvider);
        Reminders = new SqliteReminderTable(reader, writer);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public IGrainStorage GrainStorage { get; }

    public IReminderTable Reminders { get; }

    /// <summary>Opens (or creates) the store at <paramref name="path"/> with default options.</summary>
    public static Task<SqliteStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(new SqliteStoreOptions(path), cancellationToken);

    /// <summary>Opens (or creates) the file and its schema.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be opened as a GongGrid store; the message names it.</exception>
    public static async Task<SqliteStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
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
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteSchema.Apply(connection);
        }
        catch (Exception error)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (error is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Cannot open the SQLite store '{path}': {error.Message}", error);
            }

            throw;
        }

        return new SqliteStore(path, new SqliteWriter(connection, options.MaxBatchSize), new SqliteReader(path), options.TimeProvider);
    }

    /// <summary>Refuses new reads and writes, commits the writes already queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        // Readers go first so that the writer's connection is the file's last: closing it checkpoints the WAL.
        _reader.Dispose();
        await _writer.DisposeAsync().ConfigureAwait(false);
    }
}
