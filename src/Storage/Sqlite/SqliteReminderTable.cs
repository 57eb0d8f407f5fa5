using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// Orleans's reminder table in the embedded SQLite file (Orleans ships no SQLite reminder provider). Writes go
/// through the file's single writer; the ETag is the row's version, bumped on every upsert.
/// </summary>
internal sealed class SqliteReminderTable(SqliteStore store) : IReminderTable
{
    private const string Columns = "grain_id, name, start_utc, period_ms, version";

    private const string KeyFilter = "grain_id = $grain AND name = $name";

    private const string UpsertSql = """
        INSERT INTO orleans_reminders (grain_id, name, grain_hash, start_utc, period_ms, version)
        VALUES ($grain, $name, $hash, $start, $period, 1)
        ON CONFLICT (grain_id, name)
        DO UPDATE SET start_utc = excluded.start_utc, period_ms = excluded.period_ms, version = version + 1
        RETURNING version
        """;

    private const string DeleteSql = $"DELETE FROM orleans_reminders WHERE {KeyFilter} AND version = $version";

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync($"SELECT {Columns} FROM orleans_reminders WHERE grain_id = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    /// <summary>
    /// The reminders of grains whose hash lies in the ring range (begin, end]; when begin ≥ end the range wraps
    /// past the top of the ring, as Orleans's range contract says.
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        QueryAsync(
            begin < end
                ? $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin AND grain_hash <= $end"
                : $"SELECT {Columns} FROM orleans_reminders WHERE grain_hash > $begin OR grain_hash <= $end",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM orleans_reminders WHERE {KeyFilter}",
            command => command.WithKey(grainId, reminderName)).ConfigureAwait(false);
        return found.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        store.Writer.EnqueueAsync<string?>(batch =>
        {
            var command = batch.Command(UpsertSql).WithKey(entry.GrainId, entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", SqliteColumns.ToUtcText(entry.StartAt));
            command.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            return SqliteColumns.ToETag((long)command.ExecuteScalar()!);
        }, CancellationToken.None);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        store.Writer.EnqueueAsync(batch =>
        {
            var command = batch.Command(DeleteSql).WithKey(grainId, reminderName);
            command.Parameters.AddWithValue("$version", long.TryParse(eTag, out var version) ? version : -1);
            return command.ExecuteNonQuery() > 0;
        }, CancellationToken.None);

    public Task TestOnlyClearTable() =>
        store.Writer.EnqueueAsync(batch => batch.Command("DELETE FROM orleans_reminders").ExecuteNonQuery(), CancellationToken.None);

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = await store.Reader.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var row = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await row.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(row.GetString(0)),
                ReminderName = row.GetString(1),
                StartAt = SqliteColumns.FromUtcText(row.GetString(2)),
                Period = TimeSpan.FromMilliseconds(row.GetInt64(3)),
                ETag = SqliteColumns.ToETag(row.GetInt64(4)),
            });
        }

        return new ReminderTableData(entries);
    }
}
