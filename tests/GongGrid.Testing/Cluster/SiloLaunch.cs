using GongGrid.Testing.Processes;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// What a test or benchmark varies in the silos it starts: the roster the importing silo reads, where the grid's clock
/// starts, settings every silo gets (GongGrid:Placement, …), and whether each serves a metrics page on a port of its own.
/// </summary>
public sealed record SiloLaunch
{
    public static SiloLaunch Default { get; } = new();

    public string Roster { get; init; } = ProjectOutput.RepositoryFile("samples/ngoc-lac.roster.json");

    public string Clock { get; init; } = TonightInTheCluster.SiloClock;

    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Past this the silo process is killed, so a hung one cannot hang the run.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Each silo serves /metrics (Orleans's meters included) on a free loopback port: <see cref="ClusterSilo.MetricsPage"/>.</summary>
    public bool Metrics { get; init; }
}
