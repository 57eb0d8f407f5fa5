using GongGrid.Runtime.Activation;
using Microsoft.Extensions.Logging;

namespace GongGrid.Runtime.Reminders;

/// <summary>Delivery of due ticks: bounded concurrency, missed ticks collapsed into one, retry on failure.</summary>
internal sealed partial class ReminderService
{
    private void DeliverDue()
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var due = new List<Scheduled>();
        lock (_lock)
        {
            while (_queue.TryPeek(out var next, out var dueAt) && dueAt <= now)
            {
                _queue.Dequeue();
                if (!next.Cancelled)
                {
                    due.Add(next);
                }
            }
        }
        foreach (var scheduled in due)
        {
            _ = DeliverAsync(scheduled, LatestTickAtOrBefore(scheduled.Entry, now));
        }
        Arm();
    }

    /// <summary>
    /// The tick to deliver now: the latest on the reminder's schedule. A silo that was down for several periods
    /// delivers only that one, and a retried tick keeps the schedule instead of drifting by the retry delay.
    /// </summary>
    private static DateTimeOffset LatestTickAtOrBefore(ReminderEntry entry, DateTimeOffset now)
    {
        var periods = Math.Max(0, (now - entry.StartAt).Ticks / entry.Period.Ticks);
        return entry.StartAt + TimeSpan.FromTicks(periods * entry.Period.Ticks);
    }

    private async Task DeliverAsync(Scheduled scheduled, DateTimeOffset dueAt)
    {
        var entry = scheduled.Entry;
        await _deliveries.WaitAsync().ConfigureAwait(false);
        try
        {
            var status = new TickStatus(dueAt, entry.Period, runtime.TimeProvider.GetUtcNow());
            await runtime.Directory.GetOrCreate(entry.GrainId).Call<object>(InvokeReminder, [entry.Name, status]).ConfigureAwait(false);
            await table.MarkFiredAsync(entry.GrainId, entry.Name, dueAt).ConfigureAwait(false);
            Requeue(scheduled, dueAt + entry.Period);
        }
        catch (Exception error)
        {
            runtime.Logger.LogError(error, "Reminder '{Name}' of {GrainId} due {DueAt:O} failed; retrying in {Delay}", entry.Name, entry.GrainId, dueAt, RetryDelay);
            Requeue(scheduled, runtime.TimeProvider.GetUtcNow() + RetryDelay);
        }
        finally
        {
            _deliveries.Release();
        }
    }

    private static Task InvokeReminder(object grain, object?[] arguments) =>
        grain is IRemindable remindable
            ? remindable.ReceiveReminder((string)arguments[0]!, (TickStatus)arguments[1]!)
            : throw new InvalidOperationException($"{grain.GetType().Name} has reminders but does not implement IRemindable.");
}
