namespace GongGrid.Grains.Storage;

/// <summary>Writing grain state so that a refused write never leaves an activation serving what storage refused.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Writes the state; when the write fails (storage down, or an ETag conflict because another activation wrote
    /// since we read), Orleans keeps our in-memory state, which now disagrees with storage. Deactivating drops it:
    /// the next call activates the grain again and reads what storage really holds.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            ((IGrainBase)grain).DeactivateOnIdle();
            throw;
        }
    }
}
