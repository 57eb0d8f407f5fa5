namespace GongGrid.Runtime.Activation;

/// <summary>
/// The clock idle collection reads. Asking the <see cref="TimeProvider"/> on every call costs more than a local call
/// itself, so a call stamps its activation with the number of the current sweep instead. A stamp of n means the last
/// use came after sweep n and before sweep n + 1, so the activation is surely idle for <c>idleAge</c> once sweep n + 1
/// is that old: never collected early, at most one sweep later than an exact clock would.
/// </summary>
internal sealed class IdleClock(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Queue<(int Sweep, long StartedAt)> _recentSweeps = new();
    private int _sweep;
    private int _idleUpTo = -1;

    /// <summary>The stamp a use carries now.</summary>
    public int Now => Volatile.Read(ref _sweep);

    /// <summary>Starts the next sweep; returns the latest stamp whose activations have been idle for at least <paramref name="idleAge"/>.</summary>
    public int Advance(TimeSpan idleAge)
    {
        lock (_lock)
        {
            var now = timeProvider.GetTimestamp();
            var sweep = _sweep + 1;
            _recentSweeps.Enqueue((sweep, now));
            Volatile.Write(ref _sweep, sweep);
            while (_recentSweeps.TryPeek(out var next) && timeProvider.GetElapsedTime(next.StartedAt, now) >= idleAge)
            {
                _recentSweeps.Dequeue();
                _idleUpTo = next.Sweep - 1;
            }
            return _idleUpTo;
        }
    }
}
