using GongGrid.Runtime;

namespace GongGrid.Runtime.Tests.TestGrains;

/// <summary>Counts timer ticks (in memory) and reminder ticks (persisted).</summary>
public interface IAlarmClockGrain : IGrainWithStringKey, IRemindable
{
    Task StartTimerAsync(TimeSpan period);

    Task<int> GetTimerTicksAsync();

    Task RemindEveryAsync(TimeSpan dueTime, TimeSpan period);

    Task StopRemindingAsync();

    Task<IReadOnlyList<DateTimeOffset>> GetReminderTicksAsync();
}
