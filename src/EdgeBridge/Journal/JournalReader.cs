namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// A cursor over the journal in sequence order, for the uplink: it reads durable records only, from one segment
/// to the next, and can wait for new ones. It reads each segment front to back (seeking into a segment scans it
/// from its start, once), so keep one reader per uplink connection rather than one per batch. Not thread-safe.
/// <para>
/// Corruption: a frame whose checksum fails in the middle of a segment is logged with its file and offset, and
/// reading goes on at the next intact frame of that segment, or at the next segment if there is none. The
/// sequence numbers skipped are reported lost and count as acknowledged, so the watermark can pass them.
/// </para>
/// </summary>
public sealed class JournalReader : IDisposable
{
    private readonly EventJournal _journal;
    private Segment _segment = null!;
    private Segment? _next;
    private SegmentScanner? _scanner;
    private long _offset;
    private long _expected;
    private long _skipBelow;

    internal JournalReader(EventJournal journal, long fromSequence)
    {
        _journal = journal;
        Position(fromSequence);
    }

    /// <summary>The sequence number this reader looks for next (records below it were read or skipped).</summary>
    public long NextSequence => Math.Max(_expected, _skipBelow);

    /// <summary>
    /// Returns up to <paramref name="maxCount"/> durable records from <see cref="NextSequence"/> on, without
    /// waiting; an empty list when there are none yet.
    /// </summary>
    public IReadOnlyList<JournalRecord> Read(int maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var records = new List<JournalRecord>(Math.Min(maxCount, 1024));
        while (records.Count < maxCount && TryNext(out var header))
        {
            records.Add(new JournalRecord(
                header.Sequence,
                DateTimeOffset.FromUnixTimeMilliseconds(header.AppendedAtUnixMs),
                _scanner!.Payload.ToArray()));
        }
        return records;
    }

    /// <summary>Like <see cref="Read"/>, but waits until at least one record is durable.</summary>
    public async Task<IReadOnlyList<JournalRecord>> ReadAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Take the signal before looking, so a batch made durable in between still wakes us.
            var moreDurable = _journal.MoreDurable;
            var records = Read(maxCount);
            if (records.Count > 0)
            {
                return records;
            }
            _journal.ThrowIfDisposed();
            await moreDurable.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _scanner?.Dispose();

    /// <summary>Moves forward to <paramref name="sequence"/> (never back), for the journal's own metrics probe.</summary>
    internal void SkipTo(long sequence)
    {
        if (sequence <= NextSequence)
        {
            return;
        }
        if (_journal.Catalog.Find(sequence) != _segment)
        {
            Position(sequence);
        }
        else
        {
            _skipBelow = sequence;
        }
    }

    private void Position(long sequence)
    {
        MoveTo(_journal.Catalog.Find(sequence));
        _skipBelow = sequence;
    }

    private void MoveTo(Segment segment)
    {
        _scanner?.Dispose();
        _scanner = null;
        _segment = segment;
        _next = null;
        _offset = SegmentHeader.Size;
        _expected = segment.FirstSequence;
    }

    /// <summary>Finds the next intact record at or past <see cref="NextSequence"/>; its payload is in the scanner.</summary>
    private bool TryNext(out RecordHeader header)
    {
        while (true)
        {
            if (_segment.IsRemoved)
            {
                // Every record in it was acknowledged and the file is gone: go on from the oldest segment left.
                Position(NextSequence);
            }
            // Look for a next segment before reading the length: the writer makes a segment's last bytes readable
            // before it adds the next one, so once there is a next segment this length is final.
            var next = _next ??= _journal.Catalog.After(_segment);
            var limit = _segment.Length;
            if (_offset >= limit)
            {
                if (next is null)
                {
                    header = default;
                    return false;
                }
                if (_expected < next.FirstSequence)
                {
                    _journal.ReportLost(_segment.Path, _offset, _expected, next.FirstSequence);
                }
                MoveTo(next);
                continue;
            }
            if (!TryOpenScanner(out var scanner))
            {
                continue;
            }
            var upper = next?.FirstSequence ?? long.MaxValue;
            if (scanner.TryReadFrame(_offset, limit, out header) && header.Sequence >= _expected && header.Sequence < upper)
            {
                if (header.Sequence >= _journal.NextSequence)
                {
                    // Durable, but its batch is still being written (it rolled into a new segment): hand out no
                    // record before its append completed, so none can be acknowledged before that either.
                    return false;
                }
                if (header.Sequence > _expected)
                {
                    _journal.ReportLost(_segment.Path, _offset, _expected, header.Sequence);
                }
                _offset += header.FrameSize;
                _expected = header.Sequence + 1;
                if (header.Sequence >= _skipBelow)
                {
                    return true;
                }
                continue;
            }
            SkipCorruption(scanner, limit, next);
        }
    }

    private void SkipCorruption(SegmentScanner scanner, long limit, Segment? next)
    {
        var badOffset = _offset;
        // Sequence numbers that can still follow in this segment: none past the next segment's first, and no
        // more than one per header-sized slice of what is left.
        var upper = next?.FirstSequence ?? _expected + ((limit - badOffset) / RecordFrame.HeaderSize) + 1;
        var found = scanner.FindNextIntact(badOffset + 1, limit, _expected, upper, out var resumed);
        if (found >= 0)
        {
            _journal.ReportLost(_segment.Path, badOffset, _expected, resumed.Sequence);
            _offset = found;
            _expected = resumed.Sequence;
        }
        else if (next is not null)
        {
            _journal.ReportLost(_segment.Path, badOffset, _expected, next.FirstSequence);
            MoveTo(next);
        }
        else
        {
            // The segment being written: what follows is unknown until more is appended.
            _journal.ReportCorruptBytes(_segment.Path, badOffset);
            _offset = limit;
        }
    }

    private bool TryOpenScanner(out SegmentScanner scanner)
    {
        if (_scanner is null)
        {
            try
            {
                _scanner = SegmentScanner.Open(_segment.Path, _journal.MaxRecordBytes);
            }
            catch (FileNotFoundException) when (_segment.IsRemoved)
            {
                scanner = null!;
                return false;
            }
        }
        scanner = _scanner;
        return true;
    }
}
