namespace GongGrid.Runtime.Reminders;

/// <summary>
/// A durable reminder: first tick at <see cref="StartAt"/>, then every <see cref="Period"/>.
/// <see cref="LastFiredAt"/> is the due time of the last tick the grain handled, so a silo that was down
/// when a tick fell due fires it once on restart.
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, DateTimeOffset? LastFiredAt = null);
