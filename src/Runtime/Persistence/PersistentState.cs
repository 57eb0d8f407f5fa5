using System.Text.Json;
using GongGrid.Runtime.Storage;

namespace GongGrid.Runtime.Persistence;

/// <summary>
/// JSON-serialised state bound to one grain and one storage provider. It remembers a hash of what it last
/// read or wrote, so that deactivation can write changes a grain left unsaved, and skip the write otherwise.
/// </summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage, JsonSerializerOptions json, IStateOwner owner)
    : IPersistentState<TState>, IPersistentStateLifecycle where TState : new()
{
    private int _storedHash = Hash(null);

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync()
    {
        var stored = await storage.ReadAsync(grainId, stateName).ConfigureAwait(false);
        State = stored is null ? new TState() : Deserialize(stored.Payload);
        Etag = stored?.ETag;
        _storedHash = Hash(stored?.Payload);
    }

    public async Task WriteStateAsync()
    {
        var payload = JsonSerializer.Serialize(State, json);
        try
        {
            Etag = await storage.WriteAsync(grainId, stateName, payload, Etag).ConfigureAwait(false);
        }
        catch
        {
            owner.OnStateWriteFailed();
            throw;
        }
        _storedHash = Hash(payload);
    }

    public async Task ClearStateAsync()
    {
        try
        {
            await storage.ClearAsync(grainId, stateName, Etag).ConfigureAwait(false);
        }
        catch
        {
            owner.OnStateWriteFailed();
            throw;
        }
        State = new TState();
        Etag = null;
        _storedHash = Hash(null);
    }

    public Task WriteIfChangedAsync()
    {
        var payload = JsonSerializer.Serialize(State, json);
        if (Hash(payload) == _storedHash || (!RecordExists && payload == JsonSerializer.Serialize(new TState(), json)))
        {
            return Task.CompletedTask;
        }
        return WriteStateAsync();
    }

    // A hash, not the payload itself, keeps idle activations small; a collision only skips one final flush.
    private static int Hash(string? payload) => payload is null ? 0 : HashCode.Combine(payload.Length, payload.GetHashCode(StringComparison.Ordinal));

    private TState Deserialize(string payload) =>
        JsonSerializer.Deserialize<TState>(payload, json)
        ?? throw new InvalidOperationException($"State '{stateName}' of {grainId} is stored as JSON null.");
}
