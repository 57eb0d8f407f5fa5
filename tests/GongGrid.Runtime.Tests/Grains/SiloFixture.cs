using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Tests.TestGrains;
using GongGrid.Testing;

namespace GongGrid.Runtime.Tests.Grains;

/// <summary>Storage and a clock that outlive silos, so a test can stop one silo and start the next on the same data.</summary>
public sealed class SiloFixture
{
    public InMemoryGrainStorage Storage { get; } = new();

    public InMemoryReminderTable Reminders { get; } = new();

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 14, 0, 0, TimeSpan.Zero));

    public Task<TestSilo> StartSiloAsync(Action<SiloOptions>? configure = null) =>
        TestSilo.StartAsync(Storage, Reminders, Clock, typeof(CounterGrain).Assembly, configure);
}
