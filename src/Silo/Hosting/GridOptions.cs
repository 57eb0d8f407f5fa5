namespace GongGrid.Silo.Hosting;

/// <summary>How a silo process stores its grains; bound from the "GongGrid" configuration section and --options.</summary>
public sealed class GridOptions
{
    /// <summary>"sqlite" (the embedded default, one file in <see cref="DataDirectory"/>) or "memory" (nothing survives).</summary>
    public string Storage { get; set; } = "sqlite";

    public string DataDirectory { get; set; } = "data";

    /// <summary>Idle activations are collected after this long.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    public string DatabasePath => Path.Combine(DataDirectory, "gonggrid.db");
}
