using GongGrid.EdgeBridge.Uplink;

namespace GongGrid.EdgeBridge;

/// <summary>A bridge's settings, bound from GongGrid:Bridge (bridge.settings.json beside the binary, GongGrid__Bridge__* variables, or --GongGrid:Bridge:… arguments).</summary>
public sealed class BridgeOptions
{
    /// <summary>The village keys this bridge serves (its token must cover them).</summary>
    public List<string> Villages { get; set; } = [];

    public BrokerOptions Broker { get; set; } = new();

    public UplinkOptions Grid { get; set; } = new();

    public string DataDirectory { get; set; } = "bridge-data";

    /// <summary>The journal's size limit; when full, the broker keeps new events (no acknowledgement) until space returns.</summary>
    public long JournalMaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Where Prometheus text is served at /metrics; empty turns it off.</summary>
    public string MetricsListen { get; set; } = "http://127.0.0.1:9464";
}

/// <summary>The village MQTT broker.</summary>
public sealed class BrokerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Stable across restarts: the broker keeps the persistent session, and queues for it, under this id.</summary>
    public string ClientId { get; set; } = "gonggrid-bridge";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool Tls { get; set; }

    /// <summary>
    /// With <see cref="Tls"/>: a PEM file holding the CA that signed the broker's certificate (a district's own CA),
    /// trusted instead of the system's store. Empty: the system's trust store decides.
    /// </summary>
    public string? CaCertificateFile { get; set; }

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay; doubled per failed attempt up to <see cref="ReconnectDelayMax"/>, with jitter.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// What to subscribe to, when not one filter per village (a bridge for a whole district on one broker can use
    /// gonggrid/v1/{district}/#). Events of villages outside the token's scope still end the uplink stream.
    /// </summary>
    public List<string> TopicFilters { get; set; } = [];
}
