using GongGrid.Runtime.Storage.Sqlite;

namespace GongGrid.Runtime.Tests.Storage;

/// <summary>A SQLite store in a temporary directory; disposing closes the store, then deletes the directory.</summary>
public sealed class TemporarySqliteStore : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteStore? _store;

    public async Task<SqliteStore> OpenAsync() => _store = await SqliteStore.OpenAsync(_directory.File("grid.db"));

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        _directory.Dispose();
    }
}
