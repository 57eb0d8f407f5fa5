namespace GongGrid.EdgeBridge.Journal;

/// <summary>A snapshot of the journal for the bridge's health report.</summary>
/// <param name="Depth">Records appended (durable) and not yet acknowledged by the grid.</param>
/// <param name="BytesOnDisk">Bytes in segment files, the figure <see cref="JournalOptions.MaxTotalBytes"/> bounds.</param>
/// <param name="NextSequence">The sequence number the next append will get.</param>
/// <param name="Watermark">The lowest sequence number not yet acknowledged.</param>
/// <param name="OldestUnacknowledgedSequence">The oldest record still waiting for the grid, or null if none is.</param>
/// <param name="OldestUnacknowledgedAppendedAt">When that record was appended: the age of the oldest unforwarded event.</param>
/// <param name="LostRecords">Records skipped because their frame was corrupt (see <see cref="EventJournal"/>).</param>
/// <param name="BatchesWritten">Group commits so far: each is one write and fsync for many appends.</param>
/// <param name="RecordsWritten">Records made durable since the journal was opened.</param>
public sealed record JournalMetrics(
    long Depth,
    long BytesOnDisk,
    int SegmentCount,
    long NextSequence,
    long Watermark,
    long? OldestUnacknowledgedSequence,
    DateTimeOffset? OldestUnacknowledgedAppendedAt,
    long LostRecords,
    long BatchesWritten,
    long RecordsWritten);
