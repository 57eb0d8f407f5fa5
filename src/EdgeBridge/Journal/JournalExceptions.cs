namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The journal holds <see cref="JournalOptions.MaxTotalBytes"/> and refuses the append. The caller must not
/// acknowledge the event to the broker, so the broker keeps it and redelivers it later; the journal never makes
/// room by dropping records it already acknowledged. Room comes back when the grid acknowledges records.
/// </summary>
public sealed class JournalFullException(string directory, long bytesOnDisk, long maxTotalBytes)
    : IOException($"The journal in '{directory}' is full ({bytesOnDisk} of {maxTotalBytes} bytes); refuse the event "
        + "(do not acknowledge it to the broker) until the grid acknowledges older records.")
{
    public long BytesOnDisk { get; } = bytesOnDisk;

    public long MaxTotalBytes { get; } = maxTotalBytes;
}

/// <summary>Another journal, in this process or another, already has the directory open.</summary>
public sealed class JournalLockedException(string directory, Exception inner)
    : IOException($"The journal in '{directory}' is already open (its {JournalLock.FileName} is locked by this or "
        + "another process); only one journal may use a directory at a time.", inner);

/// <summary>
/// Writing or fsyncing a segment failed. After a failed fsync the kernel may have dropped the unwritten pages, so
/// the journal cannot tell what is on disk: it refuses every further append. Dispose it and open it again, which
/// checks the tail and cuts whatever is not intact.
/// </summary>
public sealed class JournalFaultedException(string directory, Exception inner)
    : IOException($"The journal in '{directory}' failed to write and refuses appends until it is reopened: {inner.Message}", inner);
