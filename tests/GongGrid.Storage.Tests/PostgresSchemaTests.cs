using GongGrid.Storage.Postgres;
using GongGrid.Testing.Postgres;

namespace GongGrid.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer postgres)
{
    /// <summary>The keys Orleans 10.4's ADO.NET clustering, grain storage and reminder table look up (DbStoredQueries, AdoNetGrainStorage).</summary>
    private static readonly string[] ProviderQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task A_fresh_database_gets_every_schema_file_and_a_second_upgrade_changes_nothing()
    {
        await using var database = PostgresDatabase.Open(await postgres.Server.CreateDatabaseAsync());

        var first = await PostgresSchema.UpgradeAsync(database);
        var second = await PostgresSchema.UpgradeAsync(database);

        Assert.Equal(PostgresSchema.Files.Select(file => file.Version), first.Select(file => file.Version));
        Assert.Empty(second);
        Assert.Equal(PostgresSchema.NewestVersion, await PostgresSchema.CurrentVersionAsync(database));
    }

    [Fact]
    public async Task Silos_upgrading_the_same_database_at_once_apply_each_file_exactly_once()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var silos = Enumerable.Range(0, 6).Select(_ => PostgresDatabase.Open(connectionString)).ToList();

        var applied = await Task.WhenAll(silos.Select(database => PostgresSchema.UpgradeAsync(database)));

        Assert.Equal(PostgresSchema.Files.Count, applied.Sum(files => files.Count));
        await using var check = silos[0].CreateCommand("SELECT count(*) FROM gonggrid_schema_version");
        Assert.Equal(PostgresSchema.Files.Count, Convert.ToInt32(await check.ExecuteScalarAsync()));
        foreach (var database in silos)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_query_the_ado_net_providers_read_is_installed()
    {
        await using var database = PostgresDatabase.Open(await postgres.Server.CreateDatabaseAsync());
        await PostgresSchema.UpgradeAsync(database);

        await using var query = database.CreateCommand("SELECT QueryKey FROM OrleansQuery");
        await using var reader = await query.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Superset(ProviderQueryKeys.ToHashSet(), keys.ToHashSet());
    }

    [Fact]
    public async Task A_database_newer_than_this_build_is_refused_with_its_version_named()
    {
        await using var database = PostgresDatabase.Open(await postgres.Server.CreateDatabaseAsync());
        await PostgresSchema.UpgradeAsync(database);
        await using (var future = database.CreateCommand($"INSERT INTO gonggrid_schema_version (version, name) VALUES ({PostgresSchema.NewestVersion + 1}, 'from the future')"))
        {
            await future.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.UpgradeAsync(database));

        Assert.Contains($"version {PostgresSchema.NewestVersion + 1}", refused.Message, StringComparison.Ordinal);
    }
}
