namespace GongGrid.Testing.Postgres;

/// <summary>
/// The tests that share one throwaway PostgreSQL server: a test class joins with [Collection(PostgresCollection.Name)]
/// and takes a <see cref="PostgresServer"/> in its constructor. Each test project that uses it declares the collection
/// (xunit finds collection definitions only in the test assembly).
/// </summary>
public static class PostgresCollection
{
    public const string Name = "PostgreSQL";
}

/// <summary>The shared server's lifetime as xunit manages a collection fixture: started before the first test, gone after the last.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private ThrowawayPostgres? _server;

    public ThrowawayPostgres Server => _server ?? throw new InvalidOperationException("The PostgreSQL server is not started yet.");

    public async Task InitializeAsync() => _server = await ThrowawayPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
