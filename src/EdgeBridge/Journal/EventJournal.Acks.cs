using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>Acknowledgements from the grid, their checkpoint, and deleting the segments they free.</summary>
public sealed partial class EventJournal
{
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private readonly SemaphoreSlim _checkpointWanted = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _checkpointLoop;
    private long _checkpointed;

    /// <summary>
    /// The grid has this record; acks may come in any order. Cheap: it only moves the watermark in memory. The
    /// watermark reaches disk at the next checkpoint, and whole segments below it are deleted then.
    /// </summary>
    public void Acknowledge(long sequence)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sequence, NextSequence);
        if (_acks.Acknowledge(sequence))
        {
            RequestCheckpoint();
        }
    }

    /// <summary>
    /// Writes the watermark now and deletes the segments below it, rather than waiting for the background
    /// checkpoint (which runs after the watermark moves, at most once per <see cref="JournalOptions.CheckpointInterval"/>).
    /// </summary>
    public Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return CheckpointCoreAsync(cancellationToken);
    }

    private void RequestCheckpoint()
    {
        if (_checkpointWanted.CurrentCount == 0)
        {
            _checkpointWanted.Release();
        }
    }

    private async Task CheckpointLoopAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            while (true)
            {
                await _checkpointWanted.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    await CheckpointCoreAsync(stopping).ConfigureAwait(false);
                }
                catch (IOException error)
                {
                    _logger.CheckpointFailed(_directory, error);
                    RequestCheckpoint();
                }
                // However fast acks arrive, at most one checkpoint (two fsyncs) per interval.
                await Task.Delay(_options.CheckpointInterval, _options.TimeProvider, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Closing: DisposeAsync writes the last checkpoint itself.
        }
    }

    private async Task CheckpointCoreAsync(CancellationToken cancellationToken)
    {
        await _checkpointGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var watermark = _acks.Watermark;
            if (watermark != _checkpointed)
            {
                AckCheckpoint.Write(_directory, watermark);
                _checkpointed = watermark;
            }
            // Only below the watermark on disk, so that after a crash the checkpoint never points into a deleted segment.
            DeleteSegmentsBelow(_checkpointed);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    private void DeleteSegmentsBelow(long watermark)
    {
        foreach (var segment in Catalog.RemoveBelow(watermark))
        {
            try
            {
                File.Delete(segment.Path);
            }
            catch (IOException error)
            {
                _logger.DeleteFailed(_directory, segment.Path, error);
            }
        }
    }
}
