namespace GongGrid.Runtime;

/// <summary>A grain that receives durable reminder ticks.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called once per due tick, as an ordinary turn of the grain; may run after a silo restart.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <summary>The tick being delivered.</summary>
/// <param name="DueAt">When the tick was due.</param>
/// <param name="Period">The reminder's period.</param>
/// <param name="CurrentTime">When it is delivered; later than <paramref name="DueAt"/> after a restart.</param>
public readonly record struct TickStatus(DateTimeOffset DueAt, TimeSpan Period, DateTimeOffset CurrentTime);

/// <summary>A registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
