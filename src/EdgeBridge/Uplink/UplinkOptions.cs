namespace GongGrid.EdgeBridge.Uplink;

/// <summary>How the bridge talks to the grid.</summary>
public sealed class UplinkOptions
{
    /// <summary>The grid's gRPC address (http:// for h2c, https:// for TLS), when the grid is one silo.</summary>
    public string Address { get; set; } = "http://127.0.0.1:50051";

    /// <summary>
    /// The gRPC addresses of the cluster's silos (any silo serves any village); when the stream to one breaks, the
    /// bridge moves to the next and resends from its journal. Empty: <see cref="Address"/> alone.
    /// </summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>The silos to try, in order.</summary>
    public IReadOnlyList<string> SiloAddresses => Addresses.Count > 0 ? Addresses : [Address];

    /// <summary>The bridge's edge-bridge token.</summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// A PEM or DER file with the certificate authority that issued the grid's TLS certificate (a district's own CA);
    /// when set, only certificates it issued are trusted. Unset, the machine's trusted roots decide.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    public int BatchSize { get; set; } = 500;

    /// <summary>Events sent but not yet acknowledged, at most; the journal keeps the rest.</summary>
    public int MaxUnacknowledged { get; set; } = 20_000;

    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The connection to the grid is pinged when quiet this long, so a NAT keeps the night-long stream open and a grid
    /// that vanished without closing the connection is noticed.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping unanswered this long drops the connection; the uplink reconnects.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
