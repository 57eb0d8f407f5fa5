using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Storage.Sqlite;

namespace GongGrid.Benchmarks;

/// <summary>Grain storage and reminders for one benchmark run: in process memory, or a SQLite file deleted afterwards.</summary>
internal sealed class GridStore : IAsyncDisposable
{
    private readonly SqliteStore? _sqlite;

    private GridStore(string name, IGrainStorage storage, IReminderTable reminders, SqliteStore? sqlite)
    {
        Name = name;
        Storage = storage;
        Reminders = reminders;
        _sqlite = sqlite;
    }

    public string Name { get; }

    public IGrainStorage Storage { get; }

    public IReminderTable Reminders { get; }

    public static Task<GridStore> OpenAsync(bool sqlite) => sqlite ? OpenSqliteAsync() : Task.FromResult(InMemory());

    public static GridStore InMemory() => new("in-memory", new InMemoryGrainStorage(), new InMemoryReminderTable(), null);

    public static async Task<GridStore> OpenSqliteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gonggrid-bench-{Guid.NewGuid():N}.db");
        var store = await SqliteStore.OpenAsync(path);
        return new GridStore("SQLite", store.GrainStorage, store.Reminders, store);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is null)
        {
            return;
        }
        await _sqlite.DisposeAsync();
        foreach (var file in new[] { _sqlite.Path, $"{_sqlite.Path}-wal", $"{_sqlite.Path}-shm" })
        {
            File.Delete(file);
        }
    }
}
