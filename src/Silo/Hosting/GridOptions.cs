namespace GongGrid.Silo.Hosting;

/// <summary>How a silo process stores its grains; bound from the "GongGrid" configuration section and --options.</summary>
public sealed class GridOptions
{
    /// <summary>"sqlite" (the embedded default, one file in <see cref="DataDirectory"/>) or "memory" (nothing survives).</summary>
    public string Storage { get; set; } = "sqlite";

    public string DataDirectory { get; set; } = "data";

    /// <summary>Idle activations are collected after this long.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The loopback port silos talk to each other on; 0 picks a free one (a single silo needs no fixed port).</summary>
    public int SiloPort { get; set; }

    public string DatabasePath => Path.Combine(DataDirectory, "gonggrid.db");
}
