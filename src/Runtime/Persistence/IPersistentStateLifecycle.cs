namespace GongGrid.Runtime.Persistence;

/// <summary>What the activation needs from a persistent state: read it first, write unsaved changes last.</summary>
internal interface IPersistentStateLifecycle
{
    Task ReadStateAsync();

    Task WriteIfChangedAsync();
}
