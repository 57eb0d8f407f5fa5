using System.Globalization;

namespace GongGrid.Runtime.Storage;

/// <summary>
/// Thread-safe grain storage in process memory, for unit tests. It follows the SQLite provider rule for rule:
/// ETags are per-record version numbers, and a clear keeps a tombstone with a bumped version, so an ETag read
/// before a clear can never match the record written after it.
/// </summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId, string), Entry> _entries = [];

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<StoredState?>(cancellationToken);
        }

        lock (_gate)
        {
            return Task.FromResult(_entries.TryGetValue((grainId, stateName), out var entry) && entry.Payload is not null
                ? new StoredState(entry.Payload, entry.ETag!)
                : null);
        }
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedETag, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<string>(cancellationToken);
        }

        lock (_gate)
        {
            _entries.TryGetValue((grainId, stateName), out var entry);
            if (entry?.ETag != expectedETag)
            {
                return Task.FromException<string>(new InconsistentStateException(grainId, stateName, expectedETag, entry?.ETag));
            }

            var written = new Entry(payload, (entry?.Version ?? 0) + 1);
            _entries[(grainId, stateName)] = written;
            return Task.FromResult(written.ETag!);
        }
    }

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            _entries.TryGetValue((grainId, stateName), out var entry);
            if (entry?.ETag != expectedETag)
            {
                return Task.FromException(new InconsistentStateException(grainId, stateName, expectedETag, entry?.ETag));
            }

            if (entry?.Payload is not null)
            {
                _entries[(grainId, stateName)] = new Entry(null, entry.Version + 1);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A stored version; a null payload is the tombstone of a cleared record, which has no ETag.</summary>
    private sealed record Entry(string? Payload, long Version)
    {
        public string? ETag => Payload is null ? null : Version.ToString(CultureInfo.InvariantCulture);
    }
}
