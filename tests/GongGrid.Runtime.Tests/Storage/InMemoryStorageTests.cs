using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;

namespace GongGrid.Runtime.Tests.Storage;

public sealed class InMemoryStorageTests : GrainStorageConformance
{
    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new InMemoryGrainStorage());
}

public sealed class InMemoryReminderTableTests : ReminderTableConformance
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new InMemoryReminderTable());
}
