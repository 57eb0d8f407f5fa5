using GongGrid.Testing.Postgres;

namespace GongGrid.Cluster.Tests;

/// <summary>
/// Every cluster test runs silo processes on one throwaway PostgreSQL server, each test on its own database; the
/// tests run one after another (one collection), as three silos each already load the machine's two cores.
/// </summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServer>;
