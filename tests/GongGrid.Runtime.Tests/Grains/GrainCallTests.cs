using GongGrid.Runtime.Tests.TestGrains;

namespace GongGrid.Runtime.Tests.Grains;

public sealed class GrainCallTests
{
    private readonly SiloFixture _fixture = new();

    [Fact]
    public async Task A_reference_activates_its_grain_on_first_call_and_keeps_talking_to_it()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("ngoc-lac/cao-thinh");

        Assert.Equal(0, silo.Silo.ActivationCount);
        Assert.Equal(1, await counter.IncrementAsync());
        Assert.Equal(2, await silo.GrainFactory.GetGrain<ICounterGrain>("ngoc-lac/cao-thinh").IncrementAsync());
        Assert.Equal(2, await counter.GetAsync());
        Assert.Equal(1, silo.Silo.ActivationCount);
    }

    [Fact]
    public async Task Concurrent_calls_to_one_grain_run_one_turn_at_a_time()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("busy");

        var overlaps = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => counter.HoldTurnAsync(TimeSpan.FromMilliseconds(5))));

        Assert.All(overlaps, maxInside => Assert.Equal(1, maxInside));
    }

    [Fact]
    public async Task Callers_racing_for_one_grain_each_get_a_whole_turn_and_none_is_lost()
    {
        await using var silo = await _fixture.StartSiloAsync(options => options.CallTimeout = TimeSpan.FromSeconds(10));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("crowded");
        await counter.GetAsync();

        // Synchronous turns race for the inline path; every tenth turn ends asynchronously on another thread.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            for (var call = 0; call < 2_000; call++)
            {
                await (call % 10 == caller % 10 ? counter.IncrementAfterYieldAsync() : counter.IncrementWithoutSavingAsync());
            }
        })));

        // An overlapping turn would lose an increment; a lost wake-up would leave a call waiting until the timeout.
        Assert.Equal(16_000, await counter.GetAsync());
    }

    [Fact]
    public async Task Calls_to_different_grains_run_in_parallel()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var started = DateTime.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(index =>
            silo.GrainFactory.GetGrain<ICounterGrain>($"parallel-{index}").HoldTurnAsync(TimeSpan.FromMilliseconds(300))));

        // Ten 300 ms turns one after another would take 3 s.
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_and_the_grain_keeps_serving()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("faulty");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FailAsync("gong sensor unplugged"));

        Assert.Equal("gong sensor unplugged", error.Message);
        Assert.Equal(1, await counter.IncrementAsync());
    }

    [Fact]
    public async Task A_grain_method_that_throws_before_returning_its_task_fails_the_call_with_that_exception()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("divider");

        await Assert.ThrowsAsync<DivideByZeroException>(() => counter.DivideAsync(0));
        await Assert.ThrowsAsync<DivideByZeroException>(() => Task.WhenAll(counter.HoldTurnAsync(TimeSpan.FromMilliseconds(50)), counter.DivideAsync(0)));
    }

    [Fact]
    public async Task A_call_that_outlasts_the_call_timeout_fails_with_a_timeout()
    {
        await using var silo = await _fixture.StartSiloAsync(options => options.CallTimeout = TimeSpan.FromMilliseconds(100));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("slow");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => counter.HoldTurnAsync(TimeSpan.FromSeconds(2)));

        Assert.Contains("slow", error.Message);
        Assert.Contains(nameof(ICounterGrain.HoldTurnAsync), error.Message);
    }

    [Fact]
    public async Task Grain_to_grain_calls_go_through_the_runtime()
    {
        await using var silo = await _fixture.StartSiloAsync();

        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>("caller").IncrementOtherAsync("callee"));
        Assert.Equal(1, await silo.GrainFactory.GetGrain<ICounterGrain>("callee").GetAsync());
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, 2)]
    [InlineData(new[] { "a", "b", "c" }, 3)]
    [InlineData(new[] { "a" }, 1)]
    public async Task A_call_cycle_between_busy_grains_fails_fast_instead_of_hanging(string[] ring, int hops)
    {
        await using var silo = await _fixture.StartSiloAsync(options => options.CallTimeout = TimeSpan.FromSeconds(20));
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.GrainFactory.GetGrain<IRelayGrain>(ring[0]).RelayAsync(ring, hops));

        Assert.Contains("relay/a", error.Message);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Calls_flowing_one_way_through_several_grains_complete()
    {
        await using var silo = await _fixture.StartSiloAsync();

        Assert.Equal("d", await silo.GrainFactory.GetGrain<IRelayGrain>("a").RelayAsync(["a", "b", "c", "d"], 3));
    }
}
