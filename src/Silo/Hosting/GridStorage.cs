using GongGrid.Grains.Storage;
using GongGrid.Storage.Hosting;
using GongGrid.Storage.Sqlite;

namespace GongGrid.Silo.Hosting;

/// <summary>The storage a silo runs on: the one visible branch between the embedded SQLite file and memory.</summary>
public static class GridStorage
{
    public static ISiloBuilder UseGridStorage(this ISiloBuilder silo, GridOptions options) =>
        options.Storage.ToLowerInvariant() switch
        {
            "sqlite" => silo.UseSqliteStore(GridStore.Name, new SqliteStoreOptions(options.DatabasePath)),
            "memory" => silo.AddMemoryGrainStorage(GridStore.Name).UseInMemoryReminderService(),
            _ => throw new ArgumentException($"Unknown storage '{options.Storage}'; use sqlite or memory.", nameof(options)),
        };

    /// <summary>Where the data lives, in words for logs and consoles.</summary>
    public static string Describe(GridOptions options) =>
        options.Storage.Equals("memory", StringComparison.OrdinalIgnoreCase)
            ? "in memory (nothing survives a restart)"
            : $"SQLite {Path.GetFullPath(options.DatabasePath)}";
}
