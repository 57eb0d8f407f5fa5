using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Storage.Sqlite;

namespace GongGrid.Silo.Hosting;

/// <summary>The storage a silo runs on: the one visible branch between the embedded SQLite file and memory.</summary>
public sealed class GridStorage : IAsyncDisposable
{
    private readonly SqliteStore? _sqlite;

    private GridStorage(IGrainStorage grains, IReminderTable reminders, SqliteStore? sqlite, string description)
    {
        Grains = grains;
        Reminders = reminders;
        _sqlite = sqlite;
        Description = description;
    }

    public IGrainStorage Grains { get; }

    public IReminderTable Reminders { get; }

    public string Description { get; }

    public static async Task<GridStorage> OpenAsync(GridOptions options, CancellationToken cancellationToken = default)
    {
        switch (options.Storage.ToLowerInvariant())
        {
            case "memory":
                return new GridStorage(new InMemoryGrainStorage(), new InMemoryReminderTable(), null, "in memory (nothing survives a restart)");
            case "sqlite":
                var store = await SqliteStore.OpenAsync(options.DatabasePath, cancellationToken);
                return new GridStorage(store.GrainStorage, store.Reminders, store, $"SQLite {store.Path}");
            default:
                throw new ArgumentException($"Unknown storage '{options.Storage}'; use sqlite or memory.", nameof(options));
        }
    }

    public ValueTask DisposeAsync() => _sqlite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
