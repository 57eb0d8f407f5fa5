using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;

namespace GongGrid.Benchmarks;

/// <summary>The store for one benchmark run: in process memory, or a SQLite file in the temp folder, deleted afterwards.</summary>
internal sealed class GridStore(GrainStore store) : IAsyncDisposable
{
    public string Name => store.Path is null ? "in-memory" : "SQLite";

    public IGrainStorage Storage => store.Grains;

    public IReminderTable Reminders => store.Reminders;

    public static async Task<GridStore> OpenAsync(bool sqlite) => new(sqlite
        ? await GrainStore.OpenSqliteAsync(Path.Combine(Path.GetTempPath(), $"gonggrid-bench-{Guid.NewGuid():N}.db"))
        : GrainStore.InMemory());

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        if (store.Path is { } path)
        {
            foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
