namespace GongGrid.EdgeBridge.Journal;

/// <summary>Where the journal lives and how large it may grow.</summary>
public sealed record JournalOptions
{
    /// <summary>The journal's own directory; created if missing. Nothing else should write there.</summary>
    public required string Directory { get; init; }

    /// <summary>A segment file is closed and a new one started once the next record would take it past this size.</summary>
    public long SegmentBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The most the journal may hold on disk (segment files). When an append would exceed it, the append fails with
    /// <see cref="JournalFullException"/> rather than evicting anything: every record in the journal has been
    /// acknowledged to the broker, so dropping one would lose an event. Space comes back only when the grid
    /// acknowledges records and whole segments are deleted, so it must hold at least two segments.
    /// </summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>The largest payload one record may carry; larger appends are refused as a caller error.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// The least time between two writes of the acknowledgement checkpoint. Acks arrive one by one; each checkpoint
    /// costs two fsyncs, so they are batched. A crash replays what was acknowledged since the last one.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Stamps each record's append time (the age of the oldest unforwarded event comes from it).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecordBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(
            SegmentBytes, (long)SegmentHeader.Size + RecordFrame.HeaderSize + MaxRecordBytes, nameof(SegmentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalBytes, 2 * SegmentBytes, nameof(MaxTotalBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
