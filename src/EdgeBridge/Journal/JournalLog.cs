using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>What the journal tells the operator: every cut and every skipped byte names its file and offset.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(1, LogLevel.Warning,
        "Journal segment {Path}: torn tail at offset {Offset} ({Bytes} bytes cut; a write was interrupted, its appends were never confirmed)")]
    public static partial void TornTailCut(this ILogger logger, string path, long offset, long bytes);

    [LoggerMessage(2, LogLevel.Warning,
        "Journal segment {Path}: torn header (created just before a crash, no record in it was confirmed); rewritten")]
    public static partial void TornHeaderRewritten(this ILogger logger, string path);

    [LoggerMessage(3, LogLevel.Error,
        "Journal segment {Path}: corrupt record at offset {Offset}; sequences {From} to {Until} (exclusive) are lost and count as acknowledged")]
    public static partial void RecordsLost(this ILogger logger, string path, long offset, long from, long until);

    [LoggerMessage(4, LogLevel.Error,
        "Journal segment {Path}: corrupt bytes at offset {Offset}; reading goes on at the next intact record")]
    public static partial void CorruptBytes(this ILogger logger, string path, long offset);

    [LoggerMessage(5, LogLevel.Error, "Journal segment {Path}: bad segment header; its records are still read")]
    public static partial void BadSegmentHeader(this ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Error,
        "Journal {Directory}: the acknowledgement checkpoint is damaged; replaying every record on disk (the grid drops duplicates)")]
    public static partial void CheckpointDamaged(this ILogger logger, string directory);

    [LoggerMessage(7, LogLevel.Warning,
        "Journal {Directory}: the checkpoint watermark {Watermark} is past the last record {Last} on disk; sequence numbers go on from the watermark")]
    public static partial void WatermarkAheadOfData(this ILogger logger, string directory, long watermark, long last);

    [LoggerMessage(8, LogLevel.Error, "Journal {Directory}: writing the acknowledgement checkpoint failed; retrying")]
    public static partial void CheckpointFailed(this ILogger logger, string directory, Exception error);

    [LoggerMessage(9, LogLevel.Warning, "Journal {Directory}: cannot delete acknowledged segment {Path}")]
    public static partial void DeleteFailed(this ILogger logger, string directory, string path, Exception error);

    [LoggerMessage(10, LogLevel.Critical, "Journal {Directory}: writing a batch failed; appends are refused until it is reopened")]
    public static partial void WriteFailed(this ILogger logger, string directory, Exception error);

    [LoggerMessage(11, LogLevel.Warning, "Journal {Directory}: ignoring {Path}, which is not a journal file")]
    public static partial void UnknownFile(this ILogger logger, string directory, string path);
}
