using GongGrid.Runtime.Persistence;
using GongGrid.Runtime.Timers;

namespace GongGrid.Runtime.Tests.TestGrains;

public sealed class AlarmClockState
{
    public List<DateTimeOffset> ReminderTicks { get; set; } = [];
}

[GrainType("alarm-clock")]
public sealed class AlarmClockGrain([PersistentState("ticks")] IPersistentState<AlarmClockState> ticks) : Grain, IAlarmClockGrain
{
    private const string ReminderName = "wake";
    private int _timerTicks;

    public Task StartTimerAsync(TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            _timerTicks++;
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = period, Period = period });
        return Task.CompletedTask;
    }

    public Task<int> GetTimerTicksAsync() => Task.FromResult(_timerTicks);

    public Task RemindEveryAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task StopRemindingAsync()
    {
        if (await GetReminder(ReminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public Task<IReadOnlyList<DateTimeOffset>> GetReminderTicksAsync() => Task.FromResult<IReadOnlyList<DateTimeOffset>>(ticks.State.ReminderTicks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.ReminderTicks.Add(status.DueAt);
        await ticks.WriteStateAsync();
    }
}
