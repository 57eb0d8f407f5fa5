namespace GongGrid.Runtime.Reminders;

/// <summary>Durable store of reminders; implemented beside each <see cref="Storage.IGrainStorage"/> provider.</summary>
public interface IReminderTable
{
    /// <summary>Inserts or replaces the reminder (grain id, name), resetting its LastFiredAt.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder; false when it did not exist.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads one reminder, or null.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every reminder.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Records that the tick due at <paramref name="dueAt"/> was handled; no-op when the reminder is gone.</summary>
    Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset dueAt, CancellationToken cancellationToken = default);
}
