using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Storage.Sqlite;

namespace GongGrid.Runtime.Tests.Storage;

public sealed class SqliteStorageTests : GrainStorageConformance
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteStore? _store;

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _directory.Dispose();
    }

    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        _store = await SqliteStore.OpenAsync(_directory.File("grid.db"));
        return _store.GrainStorage;
    }
}

public sealed class SqliteReminderTableTests : ReminderTableConformance
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteStore? _store;

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _directory.Dispose();
    }

    protected override async Task<IReminderTable> CreateTableAsync()
    {
        _store = await SqliteStore.OpenAsync(_directory.File("grid.db"));
        return _store.Reminders;
    }
}
