namespace GongGrid.Silo.Time;

/// <summary>
/// A clock that starts at a chosen instant and runs <see cref="Speed"/> times faster than real time, timers
/// included, so a demo can play a whole night (21:50 to 23:05) in about a minute.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startedAt = System.GetTimestamp();

    public AcceleratedTimeProvider(DateTimeOffset start, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1);
        _start = start;
        Speed = speed;
    }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => _start + (System.GetElapsedTime(_startedAt) * Speed);

    public override long GetTimestamp() => (long)(System.GetTimestamp() * Speed);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new AcceleratedTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Speed;

    private sealed class AcceleratedTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
