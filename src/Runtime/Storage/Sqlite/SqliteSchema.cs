using Microsoft.Data.Sqlite;

namespace GongGrid.Runtime.Storage.Sqlite;

/// <summary>Sets the writer connection's durability pragmas and creates the tables when missing.</summary>
internal static class SqliteSchema
{
    // synchronous=FULL fsyncs the WAL at every commit, so an acknowledged write survives power loss, not only a
    // process kill. Group commit pays that fsync once per batch, which keeps FULL affordable.
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type  TEXT    NOT NULL,
            grain_key   TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     TEXT    NULL,
            updated_utc TEXT    NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type     TEXT    NOT NULL,
            grain_key      TEXT    NOT NULL,
            name           TEXT    NOT NULL,
            start_utc      TEXT    NOT NULL,
            period_ticks   INTEGER NOT NULL,
            last_fired_utc TEXT    NULL,
            PRIMARY KEY (grain_type, grain_key, name));
        """;

    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var journalMode = command.ExecuteScalar() as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The file system refused write-ahead logging (journal mode '{journalMode}').");
        }

        command.CommandText = Pragmas + Tables;
        command.ExecuteNonQuery();
    }
}
