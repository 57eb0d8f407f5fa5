using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage.Sqlite;

namespace GongGrid.Runtime.Storage;

/// <summary>Grain state and reminders from one provider, opened together and closed together.</summary>
public sealed class GrainStore : IAsyncDisposable
{
    private readonly SqliteStore? _sqlite;

    private GrainStore(IGrainStorage grains, IReminderTable reminders, SqliteStore? sqlite, string description)
    {
        Grains = grains;
        Reminders = reminders;
        _sqlite = sqlite;
        Description = description;
    }

    public IGrainStorage Grains { get; }

    public IReminderTable Reminders { get; }

    /// <summary>Where the data lives, in words for logs and consoles.</summary>
    public string Description { get; }

    /// <summary>The SQLite file, or null for memory.</summary>
    public string? Path => _sqlite?.Path;

    /// <summary>State in process memory: for tests and benchmarks; nothing survives the process.</summary>
    public static GrainStore InMemory() =>
        new(new InMemoryGrainStorage(), new InMemoryReminderTable(), null, "in memory (nothing survives a restart)");

    /// <summary>The embedded default: one SQLite file, created with its directory when missing.</summary>
    public static async Task<GrainStore> OpenSqliteAsync(string path, CancellationToken cancellationToken = default)
    {
        var store = await SqliteStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return new GrainStore(store.GrainStorage, store.Reminders, store, $"SQLite {store.Path}");
    }

    public ValueTask DisposeAsync() => _sqlite?.DisposeAsync() ?? ValueTask.CompletedTask;
}
