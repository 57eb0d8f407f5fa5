namespace GongGrid.Testing;

/// <summary>A clock that moves only when a test advances it; timers fire in due order as it passes them.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(1);

    private readonly Lock _lock = new();
    // Ordered by due time, so the next timer is found at once however many there are (Orleans keeps one per
    // loaded reminder: 280,000 for a national night).
    private readonly SortedSet<ManualTimer> _timers = new(Comparer<ManualTimer>.Create(
        (left, right) => left.DueAt!.Value.CompareTo(right.DueAt!.Value) is var byDue and not 0 ? byDue : left.Id.CompareTo(right.Id)));
    private long _createdTimers;
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state, Interlocked.Increment(ref _createdTimers));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing each timer at its due time on the way.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + by;
        }
        while (NextDue(target) is { } timer)
        {
            timer.Fire();
        }
        lock (_lock)
        {
            _now = target;
        }
    }

    private ManualTimer? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            var next = _timers.Count > 0 && _timers.Min!.DueAt <= target ? _timers.Min : null;
            if (next is not null)
            {
                // A timer fires up to a millisecond after it was due (never past the target), as real timers do.
                // Task.Delay on a TimeProvider truncates to whole milliseconds, so a wait for a deadline with a
                // sub-millisecond remainder (Orleans's DelayUntilAsync) would otherwise find its deadline not yet
                // reached and wait 0 ms again, forever.
                var late = next.DueAt!.Value + TimerResolution;
                var firedAt = late < target ? late : target;
                _now = firedAt > _now ? firedAt : _now;
            }
            return next;
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state, long id) : ITimer
    {
        public long Id { get; } = id;

        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _scheduled;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == TimeSpan.Zero)
            {
                // Like a system timer: due now means fire soon on the thread pool, without waiting for Advance.
                lock (clock._lock)
                {
                    _period = period;
                    Reschedule(null);
                    DueAt = clock._now;
                }
                ThreadPool.QueueUserWorkItem(static timer => timer.Fire(), this, preferLocal: false);
                return true;
            }
            lock (clock._lock)
            {
                _period = period;
                Reschedule(dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime);
            }
            return true;
        }

        public void Fire()
        {
            lock (clock._lock)
            {
                Reschedule(_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period);
            }
            callback(state);
        }

        /// <summary>Moves the timer to a new due time, or stops it (null); the caller holds the clock's lock.</summary>
        private void Reschedule(DateTimeOffset? dueAt)
        {
            if (_scheduled)
            {
                clock._timers.Remove(this);
                _scheduled = false;
            }
            DueAt = dueAt;
            if (dueAt is not null)
            {
                clock._timers.Add(this);
                _scheduled = true;
            }
        }

        public void Dispose() => Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
