using GongGrid.Grains.Storage;
using GongGrid.Storage.Hosting;
using GongGrid.Storage.Postgres;
using GongGrid.Storage.Sqlite;
using Npgsql;

namespace GongGrid.Silo.Hosting;

/// <summary>
/// The storage a silo runs on, the one visible branch: the embedded SQLite file or memory for a silo on its own, or
/// PostgreSQL for a member of a cluster (which also keeps the cluster's membership there).
/// </summary>
public static class GridStorage
{
    public static ISiloBuilder UseGridStorage(this ISiloBuilder silo, GridOptions options) =>
        options.Storage.ToLowerInvariant() switch
        {
            "sqlite" => silo.UseSingleSilo(options).UseGridSqlite(options.DatabasePath),
            "memory" => silo.UseSingleSilo(options).UseGridMemory(),
            "postgres" => silo.UseGridPostgres(options, PostgresDatabase.Open(options.Postgres)),
            _ => throw new ArgumentException($"Unknown storage '{options.Storage}'; use sqlite, memory or postgres.", nameof(options)),
        };

    /// <summary>Grain state and reminders in one SQLite file, the embedded default; it outlives the silo.</summary>
    public static ISiloBuilder UseGridSqlite(this ISiloBuilder silo, string databasePath) =>
        silo.UseSqliteStore(GridStore.Name, new SqliteStoreOptions(databasePath));

    /// <summary>Grain state and reminders in the silo's memory: gone when it stops.</summary>
    public static ISiloBuilder UseGridMemory(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(GridStore.Name).UseInMemoryReminderService();

    /// <summary>Grain state and reminders in PostgreSQL through Orleans's ADO.NET providers, shared by every silo of the cluster.</summary>
    public static ISiloBuilder UseGridPostgresStore(this ISiloBuilder silo, NpgsqlDataSource database) =>
        silo.UsePostgresStore(GridStore.Name, database);

    /// <summary>Where the data lives, in words for logs and consoles.</summary>
    public static string Describe(GridOptions options) => options.Storage.ToLowerInvariant() switch
    {
        "memory" => "in memory (nothing survives a restart)",
        "postgres" => $"PostgreSQL {DescribeDatabase(options.Postgres)}, cluster '{options.ClusterId}'",
        _ => $"SQLite {Path.GetFullPath(options.DatabasePath)}",
    };

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    private static string DescribeDatabase(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parts.Host}:{parts.Port}/{parts.Database}";
    }
}
