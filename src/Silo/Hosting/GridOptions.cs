namespace GongGrid.Silo.Hosting;

/// <summary>How a silo process stores its grains and finds its cluster; bound from the "GongGrid" configuration section.</summary>
public sealed class GridOptions
{
    public const string CommunePlacement = "commune";

    /// <summary>
    /// "sqlite" (the embedded default: one silo, one file in <see cref="DataDirectory"/>), "memory" (one silo, nothing
    /// survives) or "postgres" (a cluster member: membership, grain state and reminders in <see cref="Postgres"/>).
    /// </summary>
    public string Storage { get; set; } = "sqlite";

    public string DataDirectory { get; set; } = "data";

    /// <summary>The Npgsql connection string of the cluster's database, for Storage = "postgres".</summary>
    public string Postgres { get; set; } = "";

    /// <summary>The silos that find each other under this id form one cluster (Orleans's ClusterId).</summary>
    public string ClusterId { get; set; } = "gonggrid";

    /// <summary>Grain state and reminders belong to this service, across deployments of the cluster (Orleans's ServiceId).</summary>
    public string ServiceId { get; set; } = "gonggrid";

    /// <summary>The port silos talk to each other on; 0 picks a free one (a single silo needs no fixed port).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port Orleans clients (tools, tests) connect to; 0 means no gateway.</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address a cluster member tells the others to reach it on; loopback when every silo runs on this machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a silo asked to stop (SIGTERM) may take to hand its grains over before the process ends.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// "commune": a commune's villages, roster grains and devices live on one silo (CommunePlacement); "default":
    /// Orleans's default placement for them, which only a benchmark comparing the two should want.
    /// </summary>
    public string Placement { get; set; } = CommunePlacement;

    /// <summary>Idle activations are collected after this long.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    public string DatabasePath => Path.Combine(DataDirectory, "gonggrid.db");

    public bool IsClusterMember => Storage.Equals("postgres", StringComparison.OrdinalIgnoreCase);
}
