namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The segment files in sequence order and the bytes they take on disk. The writer adds segments at the end and
/// grows the last one; the checkpoint removes whole segments from the front; readers take a snapshot. The list is
/// replaced, never changed in place, so a snapshot stays valid while the journal moves on.
/// </summary>
internal sealed class SegmentCatalog
{
    private readonly Lock _lock = new();
    private Segment[] _segments;
    private long _bytes;

    public SegmentCatalog(IReadOnlyList<Segment> segments)
    {
        if (segments.Count == 0)
        {
            throw new ArgumentException("A journal always has a segment to write to.", nameof(segments));
        }
        _segments = [.. segments];
        _bytes = segments.Sum(segment => segment.Length);
    }

    public IReadOnlyList<Segment> Snapshot => Volatile.Read(ref _segments);

    public Segment Last => Snapshot[^1];

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The segment that holds <paramref name="sequence"/>, or the first one when it was already deleted.</summary>
    public Segment Find(long sequence)
    {
        var segments = Snapshot;
        var found = segments[0];
        foreach (var segment in segments)
        {
            if (segment.FirstSequence > sequence)
            {
                break;
            }
            found = segment;
        }
        return found;
    }

    /// <summary>The segment after <paramref name="segment"/>, or null while it is the last one.</summary>
    public Segment? After(Segment segment)
    {
        var segments = Snapshot;
        for (var i = 0; i + 1 < segments.Count; i++)
        {
            if (ReferenceEquals(segments[i], segment))
            {
                return segments[i + 1];
            }
        }
        return null;
    }

    public void Add(Segment segment)
    {
        lock (_lock)
        {
            Volatile.Write(ref _segments, [.. _segments, segment]);
        }
        Interlocked.Add(ref _bytes, segment.Length);
    }

    /// <summary>Makes more of a segment readable; only the writer calls this, and only after an fsync.</summary>
    public void Grow(Segment segment, long length)
    {
        Interlocked.Add(ref _bytes, length - segment.Length);
        segment.PublishLength(length);
    }

    /// <summary>
    /// Takes out the segments whose every record is below <paramref name="watermark"/>: those followed by a segment
    /// that starts at or below it. The last segment, the one being written, always stays.
    /// </summary>
    public IReadOnlyList<Segment> RemoveBelow(long watermark)
    {
        lock (_lock)
        {
            var count = 0;
            while (count + 1 < _segments.Length && _segments[count + 1].FirstSequence <= watermark)
            {
                count++;
            }
            if (count == 0)
            {
                return [];
            }
            var removed = _segments[..count];
            Volatile.Write(ref _segments, _segments[count..]);
            foreach (var segment in removed)
            {
                segment.MarkRemoved();
            }
            Interlocked.Add(ref _bytes, -removed.Sum(segment => segment.Length));
            return removed;
        }
    }
}
