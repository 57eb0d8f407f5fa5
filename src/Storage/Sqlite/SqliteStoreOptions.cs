namespace GongGrid.Storage.Sqlite;

/// <summary>Where the embedded store lives and how its writer batches.</summary>
/// <param name="Path">The database file; its directory is created when missing.</param>
public sealed record SqliteStoreOptions(string Path)
{
    /// <summary>The most write requests committed in one transaction.</summary>
    public int MaxBatchSize { get; init; } = 1024;
}
