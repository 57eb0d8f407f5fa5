using GongGrid.Runtime.Storage;
using GongGrid.Runtime.Tests.TestGrains;
using GongGrid.Testing;

namespace GongGrid.Runtime.Tests.Grains;

public sealed class GrainLifecycleTests
{
    private readonly SiloFixture _fixture = new();

    [Fact]
    public async Task State_written_by_a_grain_survives_a_silo_restart()
    {
        await using (var first = await _fixture.StartSiloAsync())
        {
            var counter = first.GrainFactory.GetGrain<ICounterGrain>("ngoc-lac/cao-thinh/lang-moi");
            await counter.IncrementAsync();
            await counter.IncrementAsync();
        }

        await using var second = await _fixture.StartSiloAsync();
        Assert.Equal(2, await second.GrainFactory.GetGrain<ICounterGrain>("ngoc-lac/cao-thinh/lang-moi").GetAsync());
    }

    [Fact]
    public async Task An_idle_grain_is_collected_after_the_idle_age_and_reactivates_with_its_unsaved_state_written()
    {
        await using var silo = await _fixture.StartSiloAsync(options => options.IdleCollectionAge = TimeSpan.FromMinutes(1));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("sleepy");
        await counter.IncrementAsync();
        await counter.IncrementWithoutSavingAsync();
        var activationsBefore = await counter.GetActivationCountAsync();

        _fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, silo.Silo.ActivationCount);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.Until(() => Task.FromResult(silo.Silo.ActivationCount), count => count == 0);

        Assert.Equal(0, silo.Silo.ActivationCount);
        Assert.Equal(2, await counter.GetAsync());
        Assert.True(await counter.GetActivationCountAsync() > activationsBefore);
    }

    [Fact]
    public async Task A_grain_called_between_idle_sweeps_is_kept_for_the_whole_idle_age_after_that_call()
    {
        // Idle age 1 min: sweeps every 15 s, at 15, 30, 45, 60 ... seconds.
        await using var silo = await _fixture.StartSiloAsync(options => options.IdleCollectionAge = TimeSpan.FromMinutes(1));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("night-watch");
        await counter.GetAsync();
        _fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        await counter.GetAsync();

        // 58 s after the last call, 63 s after the sweep before it: not idle yet.
        _fixture.Clock.Advance(TimeSpan.FromSeconds(58));
        Assert.Equal(1, silo.Silo.ActivationCount);

        _fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await Eventually.Until(() => Task.FromResult(silo.Silo.ActivationCount), count => count == 0);
    }

    [Fact]
    public async Task A_grain_that_asks_to_be_deactivated_is_collected_after_its_turn()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("done-for-tonight");
        await counter.IncrementWithoutSavingAsync();

        await counter.DeactivateAsync();
        await Eventually.Until(() => Task.FromResult(silo.Silo.ActivationCount), count => count == 0);

        Assert.Equal(0, silo.Silo.ActivationCount);
        Assert.Equal(1, await counter.GetAsync());
    }

    [Fact]
    public async Task Stopping_a_silo_writes_state_that_grains_left_unsaved()
    {
        await using (var first = await _fixture.StartSiloAsync())
        {
            await first.GrainFactory.GetGrain<ICounterGrain>("unsaved").IncrementWithoutSavingAsync();
        }

        await using var second = await _fixture.StartSiloAsync();
        Assert.Equal(1, await second.GrainFactory.GetGrain<ICounterGrain>("unsaved").GetAsync());
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_state_written_by_another_silo()
    {
        await using var first = await _fixture.StartSiloAsync();
        await using var second = await _fixture.StartSiloAsync();
        await first.GrainFactory.GetGrain<ICounterGrain>("contested").IncrementAsync();
        await second.GrainFactory.GetGrain<ICounterGrain>("contested").IncrementAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => first.GrainFactory.GetGrain<ICounterGrain>("contested").IncrementAsync());

        var stored = await _fixture.Storage.ReadAsync(new GrainId("counter", "contested"), "counter");
        Assert.Contains("\"Value\":2", stored!.Payload);
    }

    [Fact]
    public async Task A_grain_whose_state_write_failed_forgets_the_unsaved_change_and_reloads_what_storage_has()
    {
        var storage = new WriteRefusingStorage(_fixture.Storage);
        await using var silo = await TestSilo.StartAsync(storage, _fixture.Reminders, _fixture.Clock, typeof(CounterGrain).Assembly);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("flaky");
        await counter.IncrementAsync();

        storage.Refusing = true;
        await Assert.ThrowsAsync<IOException>(() => counter.IncrementAsync());
        storage.Refusing = false;

        Assert.Equal(1, await counter.GetAsync());
        Assert.Equal(2, await counter.IncrementAsync());
    }

    private sealed class WriteRefusingStorage(IGrainStorage inner) : IGrainStorage
    {
        public bool Refusing { get; set; }

        public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(grainId, stateName, cancellationToken);

        public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedETag, CancellationToken cancellationToken = default) =>
            Refusing ? throw new IOException("disk full") : inner.WriteAsync(grainId, stateName, payload, expectedETag, cancellationToken);

        public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
            inner.ClearAsync(grainId, stateName, expectedETag, cancellationToken);
    }
}
