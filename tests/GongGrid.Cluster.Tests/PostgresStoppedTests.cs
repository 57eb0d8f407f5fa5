using GongGrid.Api.V1;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using Grpc.Core;

namespace GongGrid.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStoppedTests
{
    [Fact]
    public async Task With_PostgreSQL_stopped_a_grain_that_must_read_its_state_is_unavailable_through_either_silo_and_the_servers_words_stay_in_the_silo()
    {
        // A server of its own: stopping the shared one would fail the other tests.
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await ClusterSilo.StartAsync("silo-1", database, importRoster: false);
        await using var second = await ClusterSilo.StartAsync("silo-2", database, importRoster: false);
        var before = await Assert.ThrowsAsync<RpcException>(() => AskAsync(first, "ngoc-lac/ngoc-lien/khong-co"));
        Assert.Equal(StatusCode.NotFound, before.StatusCode);

        await postgres.StopAsync();

        // A village of the same commune, never asked about: its roster grain is activated by reading its state on the
        // commune's silo, so one of the two silos asks across to the other.
        foreach (var silo in new[] { first, second })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => AskAsync(silo, "ngoc-lac/ngoc-lien/phu-thuong"));
            Assert.True(error.StatusCode == StatusCode.Unavailable, $"{silo.Name} answered {error.Status}");
            Assert.Equal("the silo's storage is unavailable; try again shortly", error.Status.Detail);
        }
    }

    private static async Task AskAsync(ClusterSilo silo, string village) =>
        await silo.District.GetVillageHistoryAsync(new VillageHistoryRequest { VillageKey = village }, ClusterSilo.Police());
}
