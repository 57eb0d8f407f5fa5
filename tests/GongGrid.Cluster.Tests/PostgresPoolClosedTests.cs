using GongGrid.Silo.Hosting;
using GongGrid.Testing;
using GongGrid.Testing.Postgres;
using Npgsql;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPoolClosedTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_silo_stopped_in_its_process_leaves_no_connection_open_on_PostgreSQL()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;

        await using (var silo = await GridHost.StartAsync(["--GongGrid:Storage=postgres", $"--GongGrid:Postgres={database}", "--GongGrid:ClusterId=pool-test"], TimeProvider.System))
        {
            Assert.True(await ConnectionsAsync(name) > 0, "the running silo holds no connection: nothing to check");
        }

        // Idle pooled connections would stay open for Npgsql's idle lifetime (5 minutes) if nobody closed the pool.
        var left = await Eventually.Until(() => ConnectionsAsync(name), count => count == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(0, left);
    }

    /// <summary>Connections the silo's pool (application name gonggrid) holds to <paramref name="database"/>.</summary>
    private async Task<long> ConnectionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND application_name = 'gonggrid'", connection);
        count.Parameters.AddWithValue("database", database);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
