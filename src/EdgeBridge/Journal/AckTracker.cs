namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The acknowledgement watermark: the lowest sequence number the grid has not yet acknowledged. Acks may come
/// out of order within a batch; those above the watermark wait in a set until the gap below them closes.
/// </summary>
internal sealed class AckTracker(long watermark)
{
    private readonly Lock _lock = new();
    private readonly HashSet<long> _above = [];
    private long _watermark = watermark;

    public long Watermark
    {
        get
        {
            lock (_lock)
            {
                return _watermark;
            }
        }
    }

    /// <summary>How many sequence numbers above the watermark are already acknowledged.</summary>
    public int AcknowledgedAbove
    {
        get
        {
            lock (_lock)
            {
                return _above.Count;
            }
        }
    }

    /// <summary>Acknowledges one sequence number; true if the watermark moved.</summary>
    public bool Acknowledge(long sequence) => AcknowledgeRange(sequence, sequence + 1);

    /// <summary>Acknowledges [<paramref name="from"/>, <paramref name="until"/>); true if the watermark moved.</summary>
    public bool AcknowledgeRange(long from, long until)
    {
        lock (_lock)
        {
            var before = _watermark;
            if (from <= _watermark && until > _watermark)
            {
                _watermark = until;
                // A single acknowledgement leaves nothing below the new watermark; only a range can, and it is rare.
                if (_above.Count > 0 && until - from > 1)
                {
                    _above.RemoveWhere(sequence => sequence < until);
                }
            }
            else
            {
                for (var sequence = Math.Max(from, _watermark); sequence < until; sequence++)
                {
                    _above.Add(sequence);
                }
            }
            while (_above.Remove(_watermark))
            {
                _watermark++;
            }
            return _watermark != before;
        }
    }
}
