using GongGrid.Runtime.Storage;

namespace GongGrid.Silo.Hosting;

/// <summary>The storage a silo runs on: the one visible branch between the embedded SQLite file and memory.</summary>
public static class GridStorage
{
    public static async Task<GrainStore> OpenAsync(GridOptions options, CancellationToken cancellationToken = default) =>
        options.Storage.ToLowerInvariant() switch
        {
            "sqlite" => await GrainStore.OpenSqliteAsync(options.DatabasePath, cancellationToken),
            "memory" => GrainStore.InMemory(),
            _ => throw new ArgumentException($"Unknown storage '{options.Storage}'; use sqlite or memory.", nameof(options)),
        };
}
