using Npgsql;

namespace GongGrid.Storage.Postgres;

/// <summary>The one Npgsql data source (and so the one connection pool) a silo or a command uses for PostgreSQL.</summary>
public static class PostgresDatabase
{
    /// <summary>
    /// Connections one process keeps at most unless the connection string says otherwise: three silos and a command
    /// stay well under PostgreSQL's default of 100 connections (Npgsql's own default, 100, would not).
    /// </summary>
    public const int DefaultMaximumPoolSize = 20;

    /// <summary>Opens a data source on <paramref name="connectionString"/>; a wrong one is named before anything connects.</summary>
    public static NpgsqlDataSource Open(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("GongGrid:Postgres is empty; give an Npgsql connection string such as Host=127.0.0.1;Port=5432;Username=gonggrid;Database=gonggrid.");
        }
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"GongGrid:Postgres is not a valid Npgsql connection string: {error.Message}", error);
        }
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaximumPoolSize;
        }
        builder.ConnectionStringBuilder.ApplicationName ??= "gonggrid";
        return builder.Build();
    }
}
