namespace GongGrid.Runtime.Persistence;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime reads the
/// named state before activation and hands it in.
/// </summary>
/// <param name="stateName">Name of the state within the grain, e.g. "village".</param>
/// <param name="storageName">Named storage provider; null for the silo's default storage.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
