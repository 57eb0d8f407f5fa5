namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// One segment file as the journal knows it: where it is, its first sequence number, and how many of its bytes
/// are durable and may be read. Only the writer grows <see cref="Length"/>, and only after an fsync; readers never
/// look past it, so they never see a record that a power loss could still take back.
/// </summary>
internal sealed class Segment(string path, long firstSequence, long length)
{
    private long _length = length;
    private volatile bool _removed;

    public string Path { get; } = path;

    public long FirstSequence { get; } = firstSequence;

    public long Length => Volatile.Read(ref _length);

    /// <summary>Set once every record in it was acknowledged and it left the catalog; readers move on.</summary>
    public bool IsRemoved => _removed;

    public void PublishLength(long length) => Volatile.Write(ref _length, length);

    public void MarkRemoved() => _removed = true;

    public override string ToString() => Path;
}
