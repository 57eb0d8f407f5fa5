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
            "sqlite" => silo.UseGridSqlite(options.DatabasePath),
            "memory" => silo.UseGridMemory(),
            _ => throw new ArgumentException($"Unknown storage '{options.Storage}'; use sqlite or memory.", nameof(options)),
        };

    /// <summary>Grain state and reminders in one SQLite file, the embedded default; it outlives the silo.</summary>
    public static ISiloBuilder UseGridSqlite(this ISiloBuilder silo, string databasePath) =>
        silo.UseSqliteStore(GridStore.Name, new SqliteStoreOptions(databasePath));

    /// <summary>Grain state and reminders in the silo's memory: gone when it stops.</summary>
    public static ISiloBuilder UseGridMemory(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(GridStore.Name).UseInMemoryReminderService();

    /// <summary>Where the data lives, in words for logs and consoles.</summary>
    public static string Describe(GridOptions options) =>
        options.Storage.Equals("memory", StringComparison.OrdinalIgnoreCase)
            ? "in memory (nothing survives a restart)"
            : $"SQLite {Path.GetFullPath(options.DatabasePath)}";
}
