namespace GongGrid.EdgeBridge.Journal;

/// <summary>Frames waiting for one write and one fsync, and the task their appenders await.</summary>
internal sealed class PendingBatch
{
    public byte[] Buffer { get; private set; } = new byte[64 * 1024];

    public int Length { get; private set; }

    /// <summary>Where each frame ends in <see cref="Buffer"/>; frame i carries sequence FirstSequence + i.</summary>
    public List<int> FrameEnds { get; } = [];

    public int Count => FrameEnds.Count;

    public long FirstSequence { get; set; }

    public TaskCompletionSource Durable { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Span<byte> Reserve(int size)
    {
        if (Length + size > Buffer.Length)
        {
            var grown = new byte[Math.Max(Length + size, 2 * Buffer.Length)];
            Buffer.AsSpan(0, Length).CopyTo(grown);
            Buffer = grown;
        }
        var frame = Buffer.AsSpan(Length, size);
        Length += size;
        FrameEnds.Add(Length);
        return frame;
    }

    public void Reset()
    {
        Length = 0;
        FrameEnds.Clear();
        Durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
