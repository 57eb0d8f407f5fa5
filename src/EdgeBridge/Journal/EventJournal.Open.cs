using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>Opening a journal: the lock, the checkpoint, the segment files, and the repair of a torn tail.</summary>
public sealed partial class EventJournal
{
    /// <summary>
    /// Opens (or creates) the journal in <see cref="JournalOptions.Directory"/>. Fails with
    /// <see cref="JournalLockedException"/> if another journal has it open. Only the last segment is read
    /// through here, to find and cut a torn tail; the others are checked as they are read.
    /// </summary>
    public static EventJournal Open(JournalOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        logger ??= NullLogger.Instance;
        var directory = Path.GetFullPath(options.Directory);
        System.IO.Directory.CreateDirectory(directory);
        var directoryLock = JournalLock.Acquire(directory);
        try
        {
            File.Delete(Path.Combine(directory, AckCheckpoint.TemporaryFileName));
            if (!AckCheckpoint.TryRead(directory, out var checkpoint))
            {
                logger.CheckpointDamaged(directory);
            }
            var segments = FindSegments(directory, logger);
            if (segments.Count == 0)
            {
                segments.Add(CreateSegment(directory, Math.Max(checkpoint ?? 1, 1)));
            }
            var (lastLength, nextSequence) = RecoverLast(segments[^1], options.MaxRecordBytes, logger);
            segments[^1].PublishLength(lastLength);
            var watermark = Math.Max(checkpoint ?? 1, segments[0].FirstSequence);
            if (watermark > nextSequence)
            {
                logger.WatermarkAheadOfData(directory, watermark, nextSequence - 1);
                nextSequence = watermark;
            }
            var journal = new EventJournal(options, directory, directoryLock, logger, new SegmentCatalog(segments),
                nextSequence, watermark);
            journal.DeleteSegmentsBelow(watermark);
            return journal;
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    /// <summary>The segment files in order; every one but the last is taken as it is, with its length on disk.</summary>
    private static List<Segment> FindSegments(string directory, ILogger logger)
    {
        var segments = new List<Segment>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + SegmentHeader.Extension))
        {
            if (SegmentHeader.TryParseFileName(Path.GetFileName(path), out var firstSequence))
            {
                segments.Add(new Segment(path, firstSequence, new FileInfo(path).Length));
            }
            else
            {
                logger.UnknownFile(directory, path);
            }
        }
        segments.Sort((left, right) => left.FirstSequence.CompareTo(right.FirstSequence));
        Span<byte> header = stackalloc byte[SegmentHeader.Size];
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            using var handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read);
            if (RandomAccess.Read(handle, header, 0) < SegmentHeader.Size || !SegmentHeader.IsValid(header, segment.FirstSequence))
            {
                logger.BadSegmentHeader(segment.Path);
            }
        }
        return segments;
    }

    private static Segment CreateSegment(string directory, long firstSequence)
    {
        var path = Path.Combine(directory, SegmentHeader.FileName(firstSequence));
        using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
        {
            WriteHeader(handle, firstSequence);
        }
        DirectorySync.Flush(directory);
        return new Segment(path, firstSequence, SegmentHeader.Size);
    }

    /// <summary>
    /// Finds where the last segment's intact records end and cuts the rest: the torn tail of a write that a
    /// power loss or kill interrupted (a partial frame, garbage, or zeros). A broken frame with intact frames
    /// after it is corruption, not a torn tail: it stays, and readers skip it. Returns the segment's length
    /// and the sequence number after its last record.
    /// </summary>
    private static (long Length, long NextSequence) RecoverLast(Segment segment, int maxRecordBytes, ILogger logger)
    {
        using var handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.ReadWrite);
        var fileLength = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[SegmentHeader.Size];
        if (RandomAccess.Read(handle, header, 0) < SegmentHeader.Size || !SegmentHeader.IsValid(header, segment.FirstSequence))
        {
            // The header is made durable before any record goes in, so this segment never held a confirmed record.
            logger.TornHeaderRewritten(segment.Path);
            RandomAccess.SetLength(handle, 0);
            WriteHeader(handle, segment.FirstSequence);
            return (SegmentHeader.Size, segment.FirstSequence);
        }
        using var scanner = SegmentScanner.Open(segment.Path, maxRecordBytes);
        long offset = SegmentHeader.Size;
        var end = offset;
        var expected = segment.FirstSequence;
        while (offset < fileLength)
        {
            if (scanner.TryReadFrame(offset, fileLength, out var frame) && frame.Sequence >= expected)
            {
                offset += frame.FrameSize;
                end = offset;
                expected = frame.Sequence + 1;
                continue;
            }
            var maxSequence = expected + ((fileLength - offset) / RecordFrame.HeaderSize) + 1;
            var found = scanner.FindNextIntact(offset + 1, fileLength, expected, maxSequence, out _);
            if (found < 0)
            {
                break;
            }
            offset = found;
        }
        if (end < fileLength)
        {
            logger.TornTailCut(segment.Path, end, fileLength - end);
            RandomAccess.SetLength(handle, end);
            RandomAccess.FlushToDisk(handle);
        }
        return (end, expected);
    }

    private static void WriteHeader(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long firstSequence)
    {
        Span<byte> header = stackalloc byte[SegmentHeader.Size];
        SegmentHeader.Write(header, firstSequence);
        RandomAccess.Write(handle, header, 0);
        RandomAccess.FlushToDisk(handle);
    }
}
