using GongGrid.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GongGrid.Storage.Hosting;

/// <summary>
/// Brings the database's schema up to date as the silo starts, before membership, grain storage and reminders read
/// their queries from it; silos starting together wait on each other's upgrade rather than race it.
/// </summary>
internal sealed partial class PostgresSchemaUpgrade(NpgsqlDataSource database, ILogger<PostgresSchemaUpgrade> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaUpgrade), ServiceLifecycleStage.First, UpgradeAsync);

    private async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        var applied = await PostgresSchema.UpgradeAsync(database, cancellationToken);
        foreach (var file in applied)
        {
            LogApplied(file.Version, file.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema version {Version} applied ({Name})")]
    private partial void LogApplied(int version, string name);
}
