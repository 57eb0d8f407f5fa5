using GongGrid.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GongGrid.Runtime.Reminders.Sqlite;

/// <summary>Reminders in the SQLite file; writes go through the file's single writer loop.</summary>
internal sealed class SqliteReminderTable(SqliteReader reader, SqliteWriter writer) : IReminderTable
{
    private const string KeyFilter = "grain_type = $type AND grain_key = $key AND name = $name";

    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, name, start_utc, period_ticks, last_fired_utc)
        VALUES ($type, $key, $name, $start, $period, NULL)
        ON CONFLICT (grain_type, grain_key, name)
        DO UPDATE SET start_utc = excluded.start_utc, period_ticks = excluded.period_ticks, last_fired_utc = NULL
        """;

    private const string DeleteSql = $"DELETE FROM reminders WHERE {KeyFilter}";

    private const string MarkFiredSql = $"UPDATE reminders SET last_fired_utc = $fired WHERE {KeyFilter}";

    private const string SelectSql = "SELECT grain_type, grain_key, name, start_utc, period_ticks, last_fired_utc FROM reminders";

    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) =>
        writer.EnqueueAsync(batch =>
        {
            var command = batch.Command(UpsertSql).WithKey(entry.GrainId, entry.Name);
            command.Parameters.AddWithValue("$start", SqliteColumns.ToUtcText(entry.StartAt));
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        writer.EnqueueAsync(
            batch => batch.Command(DeleteSql).WithKey(grainId, name).ExecuteNonQuery() > 0,
            cancellationToken);

    public Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        writer.EnqueueAsync(batch =>
        {
            var command = batch.Command(MarkFiredSql).WithKey(grainId, name);
            command.Parameters.AddWithValue("$fired", SqliteColumns.ToUtcText(dueAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"{SelectSql} WHERE {KeyFilter}", command => command.WithKey(grainId, name), cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"{SelectSql} ORDER BY grain_type, grain_key, name", _ => { }, cancellationToken).ConfigureAwait(false);

    private async Task<List<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await reader.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(row.GetString(0), row.GetString(1)),
                row.GetString(2),
                SqliteColumns.FromUtcText(row.GetString(3)),
                TimeSpan.FromTicks(row.GetInt64(4)),
                row.IsDBNull(5) ? null : SqliteColumns.FromUtcText(row.GetString(5))));
        }

        return entries;
    }
}
