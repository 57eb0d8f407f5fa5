using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GongGrid.Runtime.Tests.Storage;

/// <summary>What only a file-backed store can show: reopening, disposing, opening bad files, batch isolation.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly GrainId Village = new("village", "dong-son");
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task State_and_reminders_survive_closing_and_reopening_the_file()
    {
        var path = _directory.File("data/grid.db");
        var reminder = new ReminderEntry(Village, "nightly-close", new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
        string etag;
        await using (var store = await SqliteStore.OpenAsync(path))
        {
            etag = await store.GrainStorage.WriteAsync(Village, "night", "struck", null);
            await store.Reminders.UpsertAsync(reminder);
            await store.Reminders.MarkFiredAsync(Village, "nightly-close", reminder.StartAt);
        }

        await using var reopened = await SqliteStore.OpenAsync(path);

        Assert.Equal(new StoredState("struck", etag), await reopened.GrainStorage.ReadAsync(Village, "night"));
        Assert.Equal(reminder with { LastFiredAt = reminder.StartAt }, await reopened.Reminders.ReadAsync(Village, "nightly-close"));
        await reopened.GrainStorage.WriteAsync(Village, "night", "struck again", etag);
    }

    [Fact]
    public async Task Disposing_the_store_commits_the_writes_still_queued()
    {
        var path = _directory.File("grid.db");
        Task<string>[] writes;
        await using (var store = await SqliteStore.OpenAsync(path))
        {
            writes = [.. Enumerable.Range(0, 500).Select(i => store.GrainStorage.WriteAsync(new GrainId("village", $"v{i}"), "night", "x", null))];
        }

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        await using var reopened = await SqliteStore.OpenAsync(path);
        Assert.NotNull(await reopened.GrainStorage.ReadAsync(new GrainId("village", "v499"), "night"));
    }

    [Fact]
    public async Task Writes_and_reads_after_dispose_are_refused()
    {
        var store = await SqliteStore.OpenAsync(_directory.File("grid.db"));
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GrainStorage.WriteAsync(Village, "night", "x", null));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Reminders.ReadAllAsync());
    }

    [Fact]
    public async Task Opening_a_corrupted_file_throws_an_exception_naming_the_path()
    {
        var path = _directory.File("grid.db");
        await File.WriteAllTextAsync(path, "this is not a database, it is a gong schedule scribbled on paper");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteStore.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_kept_in_write_ahead_log_mode()
    {
        var path = _directory.File("grid.db");
        await using (await SqliteStore.OpenAsync(path))
        {
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Disposing_the_store_folds_the_write_ahead_log_into_the_file()
    {
        var path = _directory.File("grid.db");
        await using (var store = await SqliteStore.OpenAsync(path))
        {
            await store.GrainStorage.WriteAsync(Village, "night", "struck", null);
            Assert.NotNull(await store.GrainStorage.ReadAsync(Village, "night"));
        }

        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task A_write_that_breaks_its_batch_fails_alone_and_the_rest_of_the_batch_commits()
    {
        var path = _directory.File("grid.db");
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        SqliteSchema.Apply(connection);
        await using var writer = new SqliteWriter(connection, maxBatchSize: 1024);
        using var reader = new SqliteReader(path);
        var storage = new SqliteGrainStorage(reader, writer, TimeProvider.System);

        // Hold the writer in a first batch so the next requests queue up and share one transaction.
        using var release = new ManualResetEventSlim();
        var blocker = writer.EnqueueAsync(_ => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var good = Enumerable.Range(0, 100).Select(i => storage.WriteAsync(new GrainId("village", $"v{i}"), "night", "x", null)).ToList();
        var broken = writer.EnqueueAsync(batch => batch.Command("INSERT INTO no_such_table VALUES (1)").ExecuteNonQuery(), CancellationToken.None);
        release.Set();

        Assert.True(await blocker);
        await Assert.ThrowsAsync<SqliteException>(() => broken);
        await Task.WhenAll(good);
        Assert.NotNull(await storage.ReadAsync(new GrainId("village", "v99"), "night"));
    }
}
