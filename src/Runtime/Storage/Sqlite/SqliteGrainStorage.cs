namespace GongGrid.Runtime.Storage.Sqlite;

/// <summary>
/// Grain state in the SQLite file. The ETag is the row's version number; a clear leaves a tombstone (null
/// payload, version bumped), so an ETag read before a clear can never match a record written after it.
/// </summary>
internal sealed class SqliteGrainStorage(SqliteReader reader, SqliteWriter writer, TimeProvider timeProvider) : IGrainStorage
{
    private const string SelectSql =
        "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name";

    private const string UpsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_utc)
        VALUES ($type, $key, $name, $etag, $payload, $updated)
        ON CONFLICT (grain_type, grain_key, state_name)
        DO UPDATE SET etag = excluded.etag, payload = excluded.payload, updated_utc = excluded.updated_utc
        """;

    private const string TombstoneSql = """
        UPDATE grain_state SET etag = etag + 1, payload = NULL, updated_utc = $updated
        WHERE grain_type = $type AND grain_key = $key AND state_name = $name
        """;

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        await using var connection = await reader.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        await using var row = await command.WithKey(grainId, stateName).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false) && !row.IsDBNull(1)
            ? new StoredState(row.GetString(1), SqliteColumns.ToETag(row.GetInt64(0)))
            : null;
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var updated = SqliteColumns.ToUtcText(timeProvider.GetUtcNow());
        return writer.EnqueueAsync(batch =>
        {
            var version = CheckETag(batch, grainId, stateName, expectedETag) + 1;
            var command = batch.Command(UpsertSql).WithKey(grainId, stateName);
            command.Parameters.AddWithValue("$etag", version);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$updated", updated);
            command.ExecuteNonQuery();
            return SqliteColumns.ToETag(version);
        }, cancellationToken);
    }

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var updated = SqliteColumns.ToUtcText(timeProvider.GetUtcNow());
        return writer.EnqueueAsync(batch =>
        {
            CheckETag(batch, grainId, stateName, expectedETag);
            if (expectedETag is not null)
            {
                var command = batch.Command(TombstoneSql).WithKey(grainId, stateName);
                command.Parameters.AddWithValue("$updated", updated);
                command.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Throws unless the live record's ETag equals <paramref name="expectedETag"/> (null: no live record).
    /// Returns the stored version, tombstones included, or 0 when the row never existed.
    /// </summary>
    private static long CheckETag(SqliteBatch batch, GrainId grainId, string stateName, string? expectedETag)
    {
        using var row = batch.Command(SelectSql).WithKey(grainId, stateName).ExecuteReader();
        var (version, live) = row.Read() ? (row.GetInt64(0), !row.IsDBNull(1)) : (0L, false);
        var storedETag = live ? SqliteColumns.ToETag(version) : null;
        if (storedETag != expectedETag)
        {
            throw new InconsistentStateException(grainId, stateName, expectedETag, storedETag);
        }

        return version;
    }
}
