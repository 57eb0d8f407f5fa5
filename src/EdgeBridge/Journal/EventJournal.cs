using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The edge bridge's durable queue: an append-only, segmented journal on local disk. The bridge appends each
/// device event and acknowledges it to the broker only once <see cref="AppendAsync"/> completed (the record is
/// fsynced); the uplink reads records in order with a <see cref="JournalReader"/> and calls
/// <see cref="Acknowledge"/> for each one the grid confirmed. Records are opaque bytes; each gets the next
/// sequence number and its append time.
/// <para>Policies, all chosen so that an event acknowledged to the broker is never lost:</para>
/// <list type="bullet">
/// <item>Full (<see cref="JournalOptions.MaxTotalBytes"/>): appends fail fast with <see cref="JournalFullException"/>,
/// and the bridge refuses the broker's message, which keeps it for redelivery. Nothing is evicted.</item>
/// <item>Torn tail (power loss mid-write): on open, the last segment is cut after its last intact record, logged
/// with file and offset. Only an unconfirmed batch can be torn, so no acknowledged event is lost.</item>
/// <item>Corruption inside a segment (bad checksum with intact records after it, e.g. a flipped bit): logged as an
/// error with file, offset and the sequence numbers lost; reading resumes at the next intact record, and the lost
/// numbers count as acknowledged so the journal does not stall. It never throws for bad data.</item>
/// <item>Acknowledgements are checkpointed at most every <see cref="JournalOptions.CheckpointInterval"/>; after a
/// crash, the records acknowledged since the last checkpoint are read again. That is harmless: the grid drops
/// duplicates by event id.</item>
/// </list>
/// </summary>
public sealed partial class EventJournal : IAsyncDisposable, IDisposable
{
    private readonly JournalOptions _options;
    private readonly string _directory;
    private readonly JournalLock _lock;
    private readonly ILogger _logger;
    private readonly JournalWriter _writer;
    private readonly AckTracker _acks;
    private readonly HashSet<(string Path, long Offset)> _reportedCorruption = [];
    private readonly Lock _probeLock = new();
    private TaskCompletionSource _moreDurable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JournalReader? _oldestProbe;
    private (long Sequence, DateTimeOffset AppendedAt)? _oldest;
    private long _lostRecords;
    private int _disposed;

    private EventJournal(JournalOptions options, string directory, JournalLock directoryLock, ILogger logger,
        SegmentCatalog catalog, long nextSequence, long watermark)
    {
        _options = options;
        _directory = directory;
        _lock = directoryLock;
        _logger = logger;
        Catalog = catalog;
        _acks = new AckTracker(watermark);
        _checkpointed = watermark;
        _writer = new JournalWriter(options, directory, catalog, nextSequence, logger, OnDurable);
        _checkpointLoop = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>The sequence number the next durable record will carry; every record below it may be read.</summary>
    public long NextSequence => _writer.DurableNextSequence;

    /// <summary>The lowest sequence number not yet acknowledged: where the uplink starts after a reconnect.</summary>
    public long Watermark => _acks.Watermark;

    internal SegmentCatalog Catalog { get; }

    internal int MaxRecordBytes => _options.MaxRecordBytes;

    /// <summary>Completes when more records become durable (or the journal closes).</summary>
    internal Task MoreDurable => Volatile.Read(ref _moreDurable).Task;

    /// <summary>
    /// Appends one record and completes with its sequence number once it is fsynced, together with every other
    /// append in the same batch. The payload is copied before this returns. Fails at once, writing nothing, with
    /// <see cref="JournalFullException"/> when the journal is full: do not acknowledge that event to the broker.
    /// </summary>
    public async Task<long> AppendAsync(ReadOnlyMemory<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, _options.MaxRecordBytes, nameof(payload));
        ThrowIfDisposed();
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var durable = _writer.Append(payload.Span, now, out var sequence);
        await durable.ConfigureAwait(false);
        return sequence;
    }

    /// <summary>Opens a cursor at <paramref name="fromSequence"/>; records already deleted are skipped.</summary>
    public JournalReader OpenReader(long fromSequence)
    {
        ThrowIfDisposed();
        return new JournalReader(this, fromSequence);
    }

    /// <summary>Opens a cursor at the watermark: the first record the grid has not acknowledged.</summary>
    public JournalReader OpenReader() => OpenReader(Watermark);

    public JournalMetrics GetMetrics()
    {
        ThrowIfDisposed();
        var next = NextSequence;
        var watermark = _acks.Watermark;
        var oldest = watermark < next ? FindOldest(watermark) : null;
        return new JournalMetrics(
            Depth: Math.Max(0, next - watermark - _acks.AcknowledgedAbove),
            BytesOnDisk: Catalog.Bytes,
            SegmentCount: Catalog.Snapshot.Count,
            NextSequence: next,
            Watermark: watermark,
            OldestUnacknowledgedSequence: oldest?.Sequence,
            OldestUnacknowledgedAppendedAt: oldest?.AppendedAt,
            LostRecords: Interlocked.Read(ref _lostRecords),
            BatchesWritten: _writer.BatchesWritten,
            RecordsWritten: _writer.RecordsWritten);
    }

    /// <summary>Writes what is queued, checkpoints the acknowledgements, and releases the files and the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _writer.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _checkpointLoop.ConfigureAwait(false);
        try
        {
            await CheckpointCoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            _logger.CheckpointFailed(_directory, error);
        }
        OnDurable();
        lock (_probeLock)
        {
            _oldestProbe?.Dispose();
        }
        _stopping.Dispose();
        _checkpointGate.Dispose();
        _lock.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

    /// <summary>Records that sequences [from, until) are unreadable: logged once per place, then acknowledged.</summary>
    internal void ReportLost(string path, long offset, long from, long until)
    {
        if (!FirstReport(path, offset))
        {
            return;
        }
        _logger.RecordsLost(path, offset, from, until);
        Interlocked.Add(ref _lostRecords, until - from);
        if (_acks.AcknowledgeRange(from, until))
        {
            RequestCheckpoint();
        }
    }

    internal void ReportCorruptBytes(string path, long offset)
    {
        if (FirstReport(path, offset))
        {
            _logger.CorruptBytes(path, offset);
        }
    }

    private bool FirstReport(string path, long offset)
    {
        lock (_reportedCorruption)
        {
            return _reportedCorruption.Add((path, offset));
        }
    }

    private void OnDurable() =>
        Interlocked.Exchange(ref _moreDurable, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// The oldest unacknowledged record's sequence and append time, read through a cursor that only moves forward
    /// as the watermark does, so polling the metrics costs a short read, not a scan.
    /// </summary>
    private (long Sequence, DateTimeOffset AppendedAt)? FindOldest(long watermark)
    {
        lock (_probeLock)
        {
            if (_oldest is { } cached && cached.Sequence >= watermark)
            {
                return cached;
            }
            _oldestProbe ??= new JournalReader(this, watermark);
            _oldestProbe.SkipTo(watermark);
            var record = _oldestProbe.Read(1);
            _oldest = record.Count == 1 ? (record[0].Sequence, record[0].AppendedAt) : null;
            return _oldest;
        }
    }
}
