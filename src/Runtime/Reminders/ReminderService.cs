using GongGrid.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Runtime.Reminders;

/// <summary>
/// Delivers durable reminders. All reminders of this silo sit in one due-time queue with a single timer armed
/// for the earliest. A tick is delivered as an ordinary turn (activating the grain if needed) and recorded as
/// fired only after the grain handled it; ticks missed while the silo was down are delivered once on start.
/// </summary>
internal sealed partial class ReminderService(GrainRuntime runtime, IReminderTable table)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly PriorityQueue<Scheduled, DateTimeOffset> _queue = new();
    private readonly Dictionary<(GrainId, string), Scheduled> _scheduled = [];
    private readonly SemaphoreSlim _deliveries = new(runtime.Options.MaxConcurrentReminderTicks);
    private ITimer? _timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = runtime.TimeProvider.CreateTimer(static state => ((ReminderService)state!).DeliverDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var entry in await table.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Schedule(entry, entry.LastFiredAt is { } fired ? fired + entry.Period : entry.StartAt);
        }
        Arm();
    }

    public void Stop() => _timer?.Dispose();

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Reminder '{name}' of {grainId} needs a positive period.");
        }
        var entry = new ReminderEntry(grainId, name, runtime.TimeProvider.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry).ConfigureAwait(false);
        Schedule(entry, entry.StartAt);
        Arm();
        return new GrainReminder(name);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name) =>
        await table.ReadAsync(grainId, name).ConfigureAwait(false) is null ? null : new GrainReminder(name);

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        await table.RemoveAsync(grainId, name).ConfigureAwait(false);
        lock (_lock)
        {
            if (_scheduled.Remove((grainId, name), out var scheduled))
            {
                scheduled.Cancelled = true;
            }
        }
    }

    private void Schedule(ReminderEntry entry, DateTimeOffset nextDue)
    {
        var scheduled = new Scheduled(entry);
        lock (_lock)
        {
            if (_scheduled.Remove((entry.GrainId, entry.Name), out var replaced))
            {
                replaced.Cancelled = true;
            }
            _scheduled[(entry.GrainId, entry.Name)] = scheduled;
            _queue.Enqueue(scheduled, nextDue);
        }
    }

    /// <summary>Re-queues a reminder that is still registered (not replaced or removed meanwhile).</summary>
    private void Requeue(Scheduled scheduled, DateTimeOffset nextDue)
    {
        lock (_lock)
        {
            if (!scheduled.Cancelled)
            {
                _queue.Enqueue(scheduled, nextDue);
            }
        }
        Arm();
    }

    private void Arm()
    {
        lock (_lock)
        {
            while (_queue.TryPeek(out var next, out var due))
            {
                if (next.Cancelled)
                {
                    _queue.Dequeue();
                    continue;
                }
                var delay = due - runtime.TimeProvider.GetUtcNow();
                _timer?.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
                return;
            }
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private sealed class Scheduled(ReminderEntry entry)
    {
        public ReminderEntry Entry { get; } = entry;

        public bool Cancelled { get; set; }
    }

    private sealed record GrainReminder(string ReminderName) : IGrainReminder;
}
