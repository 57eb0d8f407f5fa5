using GongGrid.Testing.Postgres;

namespace GongGrid.Storage.Tests;

/// <summary>The conformance suites on PostgreSQL share one throwaway server; each test gets its own database.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresServer>;
