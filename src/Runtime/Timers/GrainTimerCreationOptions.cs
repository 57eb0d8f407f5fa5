namespace GongGrid.Runtime.Timers;

/// <summary>When a grain timer first fires and how often after that.</summary>
public sealed record GrainTimerCreationOptions
{
    public required TimeSpan DueTime { get; init; }

    /// <summary>Time between ticks; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Whether a tick counts as use, keeping the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
