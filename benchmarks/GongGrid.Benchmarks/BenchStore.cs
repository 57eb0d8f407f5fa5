using GongGrid.Silo.Hosting;


namespace GongGrid.Benchmarks;

/// <summary>
/// The store for one benchmark run: in the silo's memory, or a SQLite file in the temp folder that outlives each silo
/// started on it (so a second silo can restart on the first one's grid), deleted afterwards.
/// </summary>
internal sealed class BenchStore(string? path) : IAsyncDisposable
{
    public string Name => path is null ? "in-memory" : "SQLite";

    /// <summary>The SQLite file; null in memory.</summary>
    public string? Path => path;

    public static BenchStore Open(bool sqlite) =>
        new(sqlite ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gonggrid-bench-{Guid.NewGuid():N}.db") : null);

    public void Configure(ISiloBuilder silo)
    {
        if (path is null)
        {
            silo.UseGridMemory();
        }
        else
        {
            silo.UseGridSqlite(path);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (path is not null)
        {
            foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
            {
                File.Delete(file);
            }
        }
        return ValueTask.CompletedTask;
    }
}
