using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;

namespace GongGrid.Runtime.Tests.Storage;

public sealed class SqliteStorageTests : GrainStorageConformance
{
    private readonly TemporarySqliteStore _store = new();

    public override Task DisposeAsync() => _store.DisposeAsync().AsTask();

    protected override async Task<IGrainStorage> CreateStorageAsync() => (await _store.OpenAsync()).GrainStorage;
}

public sealed class SqliteReminderTableTests : ReminderTableConformance
{
    private readonly TemporarySqliteStore _store = new();

    public override Task DisposeAsync() => _store.DisposeAsync().AsTask();

    protected override async Task<IReminderTable> CreateTableAsync() => (await _store.OpenAsync()).Reminders;
}
