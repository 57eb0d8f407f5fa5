using GongGrid.Runtime;
using GongGrid.Runtime.Storage;

namespace GongGrid.Grains.Tests.Support;

/// <summary>
/// Storage that refuses writes for one grain type (or one of its states) once told to: what a silo killed between
/// two writes leaves behind, the first write on disk and the next one missing.
/// </summary>
public sealed class StorageThatStopsWriting(IGrainStorage inner) : IGrainStorage
{
    private volatile string? _refusedType;
    private volatile string? _refusedState;

    public void StopWritingFor(string? grainType, string? stateName = null)
    {
        _refusedType = grainType;
        _refusedState = stateName;
    }

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(grainId, stateName, cancellationToken);

    public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? expectedETag, CancellationToken cancellationToken = default) =>
        grainId.Type == _refusedType && (_refusedState is null || stateName == _refusedState)
            ? throw new IOException($"The silo died before {grainId} was written.")
            : inner.WriteAsync(grainId, stateName, payload, expectedETag, cancellationToken);

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
        inner.ClearAsync(grainId, stateName, expectedETag, cancellationToken);
}
