using GongGrid.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;

namespace GongGrid.Storage.Hosting;

/// <summary>
/// Puts a silo's grain state (under one storage name) and its reminders in PostgreSQL through Orleans's own ADO.NET
/// providers, which read their SQL from the schema <see cref="PostgresSchema"/> installs before they start.
/// </summary>
public static class PostgresStoreSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql: how Orleans's providers name the database they talk to.</summary>
    public const string Invariant = "Npgsql";

    public static ISiloBuilder UsePostgresStore(this ISiloBuilder silo, string storageName, NpgsqlDataSource database)
    {
        // Registered through a factory, not as an instance: the container disposes what its factories made, so the
        // pool closes its connections when the host is disposed (an instance registration would be left open).
        // The schema upgrade resolves it as the silo starts.
        silo.Services
            .AddSingleton(_ => database)
            .AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaUpgrade>();
        silo.AddAdoNetGrainStorage(storageName, options => options.Configure<IGrainStorageSerializer>((storage, serializer) =>
            {
                storage.Invariant = Invariant;
                storage.DataSource = database;
                storage.GrainStorageSerializer = serializer;
            }))
            .UseAdoNetReminderService(options => options.Configure(reminders =>
            {
                reminders.Invariant = Invariant;
                reminders.DataSource = database;
            }));
        return silo;
    }

    /// <summary>Cluster membership in the same database: the silos of one ClusterId find each other there.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, NpgsqlDataSource database) =>
        silo.UseAdoNetClustering(options => options.Configure(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.DataSource = database;
        }));

    /// <summary>An Orleans client (a test, a tool) that finds the cluster's gateways in the database.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder client, NpgsqlDataSource database) =>
        client.UseAdoNetClustering(options => options.Configure(clustering =>
        {
            clustering.Invariant = Invariant;
            clustering.DataSource = database;
        }));
}
