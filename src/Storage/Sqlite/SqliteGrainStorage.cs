using Orleans.Storage;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file. Ours rather than Orleans's ADO.NET provider: that one runs
/// each write as its own transaction, and with synchronous=FULL every transaction is an fsync, so the 22:00 and
/// 23:00 bursts (hundreds of thousands of writes) would wait on the disk one write at a time. Here writes queue to
/// the file's single writer, which commits them in groups. The ETag is the row's version; a clear leaves a
/// tombstone (null payload, version bumped), so an ETag read before a clear never matches a later record.
/// </summary>
internal sealed class SqliteGrainStorage(SqliteStore store, IGrainStorageSerializer serializer, TimeProvider timeProvider) : IGrainStorage
{
    private const string SelectSql = "SELECT version, payload FROM orleans_state WHERE grain_id = $grain AND state_name = $name";

    private const string UpsertSql = """
        INSERT INTO orleans_state (grain_id, state_name, version, payload, updated_utc)
        VALUES ($grain, $name, $version, $payload, $updated)
        ON CONFLICT (grain_id, state_name)
        DO UPDATE SET version = excluded.version, payload = excluded.payload, updated_utc = excluded.updated_utc
        """;

    private const string TombstoneSql = """
        UPDATE orleans_state SET version = version + 1, payload = NULL, updated_utc = $updated
        WHERE grain_id = $grain AND state_name = $name
        """;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await store.Reader.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        await using var row = await command.WithKey(grainId, stateName).ExecuteReaderAsync().ConfigureAwait(false);
        if (await row.ReadAsync().ConfigureAwait(false) && !row.IsDBNull(1))
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])row.GetValue(1)));
            grainState.ETag = SqliteColumns.ToETag(row.GetInt64(0));
            grainState.RecordExists = true;
            return;
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var updated = SqliteColumns.ToUtcText(timeProvider.GetUtcNow().UtcDateTime);
        var expectedETag = grainState.ETag;
        grainState.ETag = await store.Writer.EnqueueAsync(batch =>
        {
            var version = CheckETag(batch, grainId, stateName, expectedETag) + 1;
            var command = batch.Command(UpsertSql).WithKey(grainId, stateName);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$updated", updated);
            command.ExecuteNonQuery();
            return SqliteColumns.ToETag(version);
        }, CancellationToken.None).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var updated = SqliteColumns.ToUtcText(timeProvider.GetUtcNow().UtcDateTime);
        var expectedETag = grainState.ETag;
        await store.Writer.EnqueueAsync(batch =>
        {
            CheckETag(batch, grainId, stateName, expectedETag);
            if (expectedETag is not null)
            {
                var command = batch.Command(TombstoneSql).WithKey(grainId, stateName);
                command.Parameters.AddWithValue("$updated", updated);
                command.ExecuteNonQuery();
            }

            return true;
        }, CancellationToken.None).ConfigureAwait(false);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
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
            throw new InconsistentStateException(
                $"State '{stateName}' of grain {grainId} was written by another activation (ETag {storedETag ?? "none"}, expected {expectedETag ?? "none"}).",
                storedETag, expectedETag);
        }

        return version;
    }
}
