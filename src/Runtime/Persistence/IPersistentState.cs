namespace GongGrid.Runtime.Persistence;

/// <summary>A grain's durable state, read before activation; writes are explicit and checked by ETag.</summary>
public interface IPersistentState<TState> where TState : new()
{
    /// <summary>The live state; a new <typeparamref name="TState"/> when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The stored version this activation last read or wrote; null when none.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Re-reads the stored state, discarding unsaved changes.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state; throws <see cref="Storage.InconsistentStateException"/> if someone else wrote first.</summary>
    Task WriteStateAsync();

    /// <summary>Deletes the stored state and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
