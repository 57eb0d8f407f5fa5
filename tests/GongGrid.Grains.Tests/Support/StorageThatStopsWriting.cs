using Orleans.Runtime;
using Orleans.Storage;

namespace GongGrid.Grains.Tests.Support;

/// <summary>
/// Storage that refuses writes for one grain type (or one of its states) once told to: what a silo killed between
/// two writes leaves behind, the first write on disk and the next one missing. One switch serves every silo a test
/// starts, each wrapping its own storage.
/// </summary>
public sealed class StorageThatStopsWriting
{
    private volatile string? _refusedType;
    private volatile string? _refusedState;

    public void StopWritingFor(string? grainType, string? stateName = null)
    {
        _refusedType = grainType;
        _refusedState = stateName;
    }

    public IGrainStorage Wrap(IGrainStorage inner) => new Refusing(inner, this);

    private bool Refuses(GrainId grainId, string stateName) =>
        grainId.Type.ToString() == _refusedType && (_refusedState is null || stateName == _refusedState);

    private sealed class Refusing(IGrainStorage inner, StorageThatStopsWriting refusals) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            refusals.Refuses(grainId, stateName)
                ? throw new IOException($"The silo died before {grainId} was written.")
                : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
