using GongGrid.Grains.Storage;
using GongGrid.Silo.Hosting;
using GongGrid.Storage.Postgres;
using GongGrid.Testing;
using GongGrid.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;

namespace GongGrid.Storage.Tests;

/// <summary>
/// A grain storage and reminder table as a silo resolves them, so each provider is tested as Orleans uses it:
/// Orleans's in-memory providers, ours on a SQLite file, or Orleans's ADO.NET providers on PostgreSQL with our
/// schema; the last two outlive the silo (<see cref="ReopenAsync"/>).
/// </summary>
public sealed class StorageProvider : IAsyncDisposable
{
    private readonly Action<ISiloBuilder> _configure;
    private readonly string? _directory;
    private TestSilo _silo;

    private StorageProvider(TestSilo silo, Action<ISiloBuilder> configure, string? directory)
    {
        _silo = silo;
        _configure = configure;
        _directory = directory;
    }

    public IGrainStorage Grains => _silo.Services.GetRequiredKeyedService<IGrainStorage>(GridStore.Name);

    public IReminderTable Reminders => _silo.Services.GetRequiredService<IReminderTable>();

    public static Task<StorageProvider> InMemoryAsync() =>
        StartAsync(silo => silo.UseGridMemory(), directory: null);

    public static Task<StorageProvider> SqliteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gonggrid-storage-").FullName;
        return StartAsync(silo => silo.UseGridSqlite(Path.Combine(directory, "grid.db")), directory);
    }

    /// <summary>Orleans's ADO.NET providers on a fresh database of <paramref name="server"/>, with our schema and queries.</summary>
    public static async Task<StorageProvider> PostgresAsync(ThrowawayPostgres server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        // One ServiceId across restarts, as a deployment keeps it: the rows are the service's, and the test cluster
        // would otherwise pick a new id for each silo it starts.
        return await StartAsync(silo =>
        {
            silo.Services.PostConfigure<ClusterOptions>(cluster => cluster.ServiceId = "gonggrid-conformance");
            silo.UseGridPostgresStore(PostgresDatabase.Open(connectionString));
        }, directory: null);
    }

    /// <summary>Stops the silo and starts another on the same storage, as a restart does.</summary>
    public async Task ReopenAsync()
    {
        await _silo.DisposeAsync();
        _silo = await TestSilo.StartAsync(TimeProvider.System, _configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<StorageProvider> StartAsync(Action<ISiloBuilder> configure, string? directory) =>
        new(await TestSilo.StartAsync(TimeProvider.System, configure), configure, directory);
}
