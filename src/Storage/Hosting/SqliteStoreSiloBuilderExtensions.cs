using GongGrid.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace GongGrid.Storage.Hosting;

/// <summary>Puts a silo's grain state (under one storage name) and its reminders in one SQLite file.</summary>
public static class SqliteStoreSiloBuilderExtensions
{
    public static ISiloBuilder UseSqliteStore(this ISiloBuilder silo, string storageName, SqliteStoreOptions options)
    {
        silo.AddReminders();
        silo.Services
            .AddSingleton(_ => SqliteStore.Open(options))
            .AddGrainStorage(storageName, (services, _) => new SqliteGrainStorage(
                services.GetRequiredService<SqliteStore>(),
                services.GetRequiredService<IGrainStorageSerializer>(),
                TimeProvider.System))
            .AddSingleton<IReminderTable>(services => new SqliteReminderTable(services.GetRequiredService<SqliteStore>()));
        return silo;
    }
}
