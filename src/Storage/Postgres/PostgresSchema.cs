using Npgsql;

namespace GongGrid.Storage.Postgres;

/// <summary>
/// Brings a PostgreSQL database to the schema this build needs: the versioned SQL files under Postgres/Schema
/// (embedded, applied in the order of their numbers), each recorded in <c>gonggrid_schema_version</c>. Idempotent:
/// a database already at the newest version is left alone. Silos starting together do not race: the whole upgrade
/// runs in one transaction under an advisory lock, so the second waits and then finds nothing left to do.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock every GongGrid schema upgrade takes ("gonggrid" in ASCII).</summary>
    private const long UpgradeLock = 0x676F6E6767726964;

    private const string ResourcePrefix = "GongGrid.Storage.Postgres.Schema.";

    /// <summary>The schema files of this build, by version.</summary>
    public static IReadOnlyList<SchemaFile> Files { get; } = ReadFiles();

    public static int NewestVersion => Files[^1].Version;

    /// <summary>Applies the files the database lacks; returns the versions it applied (none when it was up to date).</summary>
    public static Task<IReadOnlyList<SchemaFile>> UpgradeAsync(NpgsqlDataSource database, CancellationToken cancellationToken = default) =>
        PostgresRetry.RunAsync(() => UpgradeOnceAsync(database, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<SchemaFile>> UpgradeOnceAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({UpgradeLock})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS gonggrid_schema_version
            (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var current = await CurrentVersionAsync(connection, cancellationToken);
        if (current > NewestVersion)
        {
            throw new InvalidOperationException(
                $"The database's schema is at version {current}, newer than this silo knows ({NewestVersion}); run a newer GongGrid.");
        }

        var applied = Files.Where(file => file.Version > current).ToList();
        foreach (var file in applied)
        {
            await ExecuteAsync(connection, file.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO gonggrid_schema_version (version, name) VALUES (@version, @name)", connection);
            record.Parameters.AddWithValue("version", file.Version);
            record.Parameters.AddWithValue("name", file.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>The version the database is at; 0 for a database GongGrid has never touched.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('gonggrid_schema_version') IS NOT NULL", connection);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? await CurrentVersionAsync(connection, cancellationToken) : 0;
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM gonggrid_schema_version", connection);
        return (int)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<SchemaFile> ReadFiles()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => SchemaFile.Read(assembly, name, name[ResourcePrefix.Length..]))
            .OrderBy(file => file.Version)];
    }
}
