using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// Group commit. Appenders encode their frame straight into the batch being filled (so the caller's buffer is
/// free at once) and get that batch's task; one writer thread takes the whole batch, writes it with one call,
/// fsyncs once and completes the task for every append in it. While it waits on the disk the next batch fills,
/// so the busier the journal, the more appends share one fsync. A task completes only after its bytes are on
/// disk, and batches complete in sequence order: when an append has completed, so have all before it.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    /// <summary>The longest a batch waits for the appenders the previous batch released (see <see cref="Run"/>).</summary>
    private const int MaxLingerMilliseconds = 1;
    private readonly object _gate = new();
    private readonly JournalOptions _options;
    private readonly string _directory;
    private readonly SegmentCatalog _catalog;
    private readonly ILogger _logger;
    private readonly Action _onDurable;
    private readonly Thread _thread;
    private SafeFileHandle _handle;
    private long _segmentLength;
    private PendingBatch _filling;
    private PendingBatch? _spare = new();
    private long _nextSequence;
    private long _queuedBytes;
    private int _lingerTarget;
    private bool _closing;
    private Exception? _fault;
    private long _durableNextSequence;
    private long _batchesWritten;
    private long _recordsWritten;

    public JournalWriter(JournalOptions options, string directory, SegmentCatalog catalog, long nextSequence,
        ILogger logger, Action onDurable)
    {
        _options = options;
        _directory = directory;
        _catalog = catalog;
        _logger = logger;
        _onDurable = onDurable;
        _nextSequence = nextSequence;
        _durableNextSequence = nextSequence;
        _filling = new PendingBatch { FirstSequence = nextSequence };
        var last = catalog.Last;
        _handle = File.OpenHandle(last.Path, FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete);
        _segmentLength = last.Length;
        _thread = new Thread(Run) { IsBackground = true, Name = "journal-writer" };
        _thread.Start();
    }

    /// <summary>The sequence number after the last durable record: everything below it may be read.</summary>
    public long DurableNextSequence => Volatile.Read(ref _durableNextSequence);

    public long BatchesWritten => Interlocked.Read(ref _batchesWritten);

    public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

    /// <summary>
    /// Queues one record and returns the task that completes once it is durable. Fails at once, writing nothing,
    /// when the journal is full, faulted or closed.
    /// </summary>
    public Task Append(ReadOnlySpan<byte> payload, long appendedAtUnixMs, out long sequence)
    {
        var frameSize = RecordFrame.Size(payload.Length);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            if (_fault is not null)
            {
                throw new JournalFaultedException(_directory, _fault);
            }
            var used = _catalog.Bytes + _queuedBytes;
            // Room for the frame, and for the header of the segment it may have to start.
            if (used + frameSize + SegmentHeader.Size > _options.MaxTotalBytes)
            {
                throw new JournalFullException(_directory, used, _options.MaxTotalBytes);
            }
            sequence = _nextSequence++;
            _queuedBytes += frameSize;
            var batch = _filling;
            RecordFrame.Write(batch.Reserve(frameSize), sequence, appendedAtUnixMs, payload);
            if (batch.Count == 1 || batch.Count == _lingerTarget)
            {
                Monitor.Pulse(_gate);
            }
            return batch.Durable.Task;
        }
    }

    /// <summary>Writes what is queued, completes its appends, and closes the segment file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }
            _closing = true;
            Monitor.Pulse(_gate);
        }
        _thread.Join();
        _handle.Dispose();
    }

    /// <summary>
    /// The writer thread. Before it takes a batch it lingers (at most <see cref="MaxLingerMilliseconds"/>) until
    /// the appenders that the previous batch released have appended again. Without that, appenders under steady
    /// load split into two cohorts, one filling a batch while the other's is fsynced, and each fsync carries only
    /// half of them; with it, they merge into one batch per fsync, about twice the rate. A lone appender is
    /// never delayed: the append it was waiting for is the one that ends the wait.
    /// </summary>
    private void Run()
    {
        while (true)
        {
            PendingBatch batch;
            lock (_gate)
            {
                while (_filling.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }
                if (_filling.Count == 0)
                {
                    return;
                }
                if (_filling.Count < _lingerTarget && !_closing)
                {
                    Monitor.Wait(_gate, MaxLingerMilliseconds);
                }
                batch = _filling;
                _filling = _spare ?? new PendingBatch();
                _filling.FirstSequence = _nextSequence;
                _spare = null;
            }
            var error = Volatile.Read(ref _fault);
            if (error is null)
            {
                try
                {
                    WriteAndSync(batch);
                }
                catch (Exception failure)
                {
                    error = failure;
                    _logger.WriteFailed(_directory, failure);
                }
            }
            lock (_gate)
            {
                _queuedBytes -= batch.Length;
                _fault ??= error;
                _lingerTarget = _filling.Count + batch.Count;
            }
            if (error is null)
            {
                Interlocked.Increment(ref _batchesWritten);
                Interlocked.Add(ref _recordsWritten, batch.Count);
                Volatile.Write(ref _durableNextSequence, batch.FirstSequence + batch.Count);
                _onDurable();
                batch.Durable.SetResult();
            }
            else
            {
                batch.Durable.SetException(new JournalFaultedException(_directory, error));
            }
            batch.Reset();
            lock (_gate)
            {
                _spare = batch;
            }
        }
    }

    /// <summary>
    /// Writes the batch into the current segment, rolling to a new one where the next frame would not fit. Every
    /// part is fsynced before the segment's readable length grows past it.
    /// </summary>
    private void WriteAndSync(PendingBatch batch)
    {
        var runStart = 0;
        for (var index = 0; index < batch.Count; index++)
        {
            var frameStart = index == 0 ? 0 : batch.FrameEnds[index - 1];
            var frameEnd = batch.FrameEnds[index];
            var lengthBefore = _segmentLength + (frameStart - runStart);
            var segmentHasRecords = lengthBefore > SegmentHeader.Size;
            if (segmentHasRecords && lengthBefore + (frameEnd - frameStart) > _options.SegmentBytes)
            {
                WriteRun(batch.Buffer.AsSpan(runStart, frameStart - runStart));
                Roll(batch.FirstSequence + index);
                runStart = frameStart;
            }
        }
        WriteRun(batch.Buffer.AsSpan(runStart, batch.Length - runStart));
    }

    private void WriteRun(ReadOnlySpan<byte> frames)
    {
        if (frames.IsEmpty)
        {
            return;
        }
        RandomAccess.Write(_handle, frames, _segmentLength);
        RandomAccess.FlushToDisk(_handle);
        _segmentLength += frames.Length;
        _catalog.Grow(_catalog.Last, _segmentLength);
    }

    /// <summary>
    /// Starts the segment whose first record is <paramref name="firstSequence"/>. Its header, and its name in the
    /// directory, are durable before any record goes in, so recovery can trust every segment but the last.
    /// </summary>
    private void Roll(long firstSequence)
    {
        var path = Path.Combine(_directory, SegmentHeader.FileName(firstSequence));
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        try
        {
            Span<byte> header = stackalloc byte[SegmentHeader.Size];
            SegmentHeader.Write(header, firstSequence);
            RandomAccess.Write(handle, header, 0);
            RandomAccess.FlushToDisk(handle);
            DirectorySync.Flush(_directory);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        _handle.Dispose();
        _handle = handle;
        _segmentLength = SegmentHeader.Size;
        _catalog.Add(new Segment(path, firstSequence, SegmentHeader.Size));
    }
}
