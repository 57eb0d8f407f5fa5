using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>Sets the writer connection's durability pragmas and creates the tables when missing.</summary>
internal static class SqliteSchema
{
    // synchronous=FULL fsyncs the WAL at every commit, so an acknowledged write survives power loss, not only a
    // process kill. Group commit pays that fsync once per batch, which keeps FULL affordable.
    private const string Pragmas = "PRAGMA synchronous = FULL;";

    // Grain ids are Orleans's text form ("village/ngoc-lac/cao-thinh/lang-moi"); reminders also keep the grain's
    // uniform hash, because each silo's reminder service reads the reminders of its hash range of the ring.
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS orleans_state (
            grain_id    TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            payload     BLOB    NULL,
            updated_utc TEXT    NOT NULL,
            PRIMARY KEY (grain_id, state_name));
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            grain_id   TEXT    NOT NULL,
            name       TEXT    NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_utc  TEXT    NOT NULL,
            period_ms  INTEGER NOT NULL,
            version    INTEGER NOT NULL,
            PRIMARY KEY (grain_id, name));
        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (grain_hash);
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
