namespace GongGrid.EdgeBridge.Uplink;

/// <summary>How the bridge talks to the grid.</summary>
public sealed class UplinkOptions
{
    /// <summary>The grid's gRPC address (http:// for h2c, https:// for TLS).</summary>
    public string Address { get; set; } = "http://127.0.0.1:50051";

    /// <summary>The bridge's edge-bridge token.</summary>
    public string Token { get; set; } = "";

    public int BatchSize { get; set; } = 500;

    /// <summary>Events sent but not yet acknowledged, at most; the journal keeps the rest.</summary>
    public int MaxUnacknowledged { get; set; } = 20_000;

    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);
}
