namespace GongGrid.Testing.Mosquitto;

/// <summary>What the generated mosquitto.conf varies by test.</summary>
public sealed record MosquittoOptions
{
    /// <summary>With any user, anonymous clients are refused and a password file is generated with mosquitto_passwd.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>Messages queued per offline persistent session; large, as the village broker is configured.</summary>
    public int MaxQueuedMessages { get; init; } = 1_000_000;

    /// <summary>
    /// Payload bytes the broker takes at most (mosquitto's <c>message_size_limit</c>); larger publishes are acknowledged
    /// to their sender and dropped. 64 KiB as the village broker is configured; 0 means no limit.
    /// </summary>
    public int MessageSizeLimit { get; init; } = 64 * 1024;

    /// <summary>QoS 1 messages the broker has in flight to each client (its default is 20; 0 means no limit).</summary>
    public int MaxInflightMessages { get; init; } = 20;

    /// <summary>
    /// Logs every packet (mosquitto's <c>log_type debug</c>): "Received PUBACK from CLIENT (Mid: N, RC:0)" and the
    /// like, so a test can count what a client acknowledged. Meant for a few thousand messages, not a benchmark.
    /// </summary>
    public bool LogPackets { get; init; }

    /// <summary>PEM files of the server certificate and its private key; when set, the listener speaks only TLS.</summary>
    public (string CertificateFile, string KeyFile)? Tls { get; init; }
}
