using GongGrid.Runtime.Tests.TestGrains;
using GongGrid.Testing;

namespace GongGrid.Runtime.Tests.Grains;

public sealed class TimerAndReminderTests
{
    private readonly SiloFixture _fixture = new();

    [Fact]
    public async Task A_grain_timer_ticks_as_the_clock_passes_its_period()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var clock = silo.GrainFactory.GetGrain<IAlarmClockGrain>("timer");
        await clock.StartTimerAsync(TimeSpan.FromMinutes(1));

        _fixture.Clock.Advance(TimeSpan.FromMinutes(3.5));

        Assert.Equal(3, await Eventually.Until(clock.GetTimerTicksAsync, ticks => ticks == 3));
    }

    [Fact]
    public async Task A_reminder_fires_on_schedule_and_records_each_tick()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var clock = silo.GrainFactory.GetGrain<IAlarmClockGrain>("nightly");
        var start = _fixture.Clock.GetUtcNow();
        await clock.RemindEveryAsync(TimeSpan.FromHours(1), TimeSpan.FromDays(1));

        _fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Eventually.Until(clock.GetReminderTicksAsync, ticks => ticks.Count == 1);
        _fixture.Clock.Advance(TimeSpan.FromDays(1));
        var ticks = await Eventually.Until(clock.GetReminderTicksAsync, ticks => ticks.Count == 2);

        Assert.Equal([start.AddHours(1), start.AddHours(1).AddDays(1)], ticks);
    }

    [Fact]
    public async Task A_reminder_fires_after_a_silo_restart_and_activates_its_grain()
    {
        var start = _fixture.Clock.GetUtcNow();
        await using (var first = await _fixture.StartSiloAsync())
        {
            await first.GrainFactory.GetGrain<IAlarmClockGrain>("durable").RemindEveryAsync(TimeSpan.FromHours(8), TimeSpan.FromDays(1));
        }

        await using var second = await _fixture.StartSiloAsync();
        Assert.Equal(0, second.Silo.ActivationCount);
        _fixture.Clock.Advance(TimeSpan.FromHours(8));

        await Eventually.Until(() => Task.FromResult(second.Silo.ActivationCount), count => count == 1);
        var ticks = await Eventually.Until(second.GrainFactory.GetGrain<IAlarmClockGrain>("durable").GetReminderTicksAsync, ticks => ticks.Count == 1);
        Assert.Equal([start.AddHours(8)], ticks);
    }

    [Fact]
    public async Task A_tick_that_fell_due_while_the_silo_was_down_is_delivered_once_on_start()
    {
        var start = _fixture.Clock.GetUtcNow();
        await using (var first = await _fixture.StartSiloAsync())
        {
            await first.GrainFactory.GetGrain<IAlarmClockGrain>("missed").RemindEveryAsync(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        }

        _fixture.Clock.Advance(TimeSpan.FromHours(3));
        await using var second = await _fixture.StartSiloAsync();

        var ticks = await Eventually.Until(second.GrainFactory.GetGrain<IAlarmClockGrain>("missed").GetReminderTicksAsync, ticks => ticks.Count >= 1);
        await Task.Delay(100);
        Assert.Equal([start.AddMinutes(5).AddHours(2)], await second.GrainFactory.GetGrain<IAlarmClockGrain>("missed").GetReminderTicksAsync());
    }

    [Fact]
    public async Task An_unregistered_reminder_does_not_fire()
    {
        await using var silo = await _fixture.StartSiloAsync();
        var clock = silo.GrainFactory.GetGrain<IAlarmClockGrain>("cancelled");
        await clock.RemindEveryAsync(TimeSpan.FromMinutes(10), TimeSpan.FromDays(1));
        await clock.StopRemindingAsync();

        _fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(100);

        Assert.Empty(await clock.GetReminderTicksAsync());
        Assert.Empty(await _fixture.Reminders.ReadAllAsync());
    }
}
