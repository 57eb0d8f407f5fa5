using GongGrid.Storage.Postgres;
using GongGrid.Testing;
using GongGrid.Testing.Postgres;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseInitCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Db_init_creates_the_schema_and_run_again_says_it_is_up_to_date()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("gonggrid-db-init-").FullName;
        try
        {
            var first = await SiloProcess.RunAsync(directory, "db", "init", $"--postgres={connectionString}");
            var second = await SiloProcess.RunAsync(directory, "db", "init", $"--postgres={connectionString}");

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("applied 0002_membership", first.Text, StringComparison.Ordinal);
            Assert.Contains($"schema at version {PostgresSchema.NewestVersion}", first.Text, StringComparison.Ordinal);
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Equal($"schema at version {PostgresSchema.NewestVersion} (already up to date)", second.Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Db_init_against_a_server_that_is_not_there_exits_1_naming_the_failure()
    {
        var directory = Directory.CreateTempSubdirectory("gonggrid-db-init-").FullName;
        try
        {
            var run = await SiloProcess.RunAsync(directory, "db", "init", $"--postgres=Host=127.0.0.1;Port={Testing.Network.FreeTcpPort.Next()};Username=nobody;Timeout=3");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("gonggrid: ", run.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", run.Errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
