using GongGrid.Silo.Api.Security;

namespace GongGrid.Silo.Api;

/// <summary>The gRPC API's settings, bound from GongGrid:Api.</summary>
public sealed class ApiOptions
{
    /// <summary>
    /// http://host:port serves h2c (loopback, or behind a TLS proxy); https://host:port needs a certificate, and also
    /// serves gRPC-Web to browsers over HTTP/1.1 or HTTP/2.
    /// </summary>
    public string Listen { get; set; } = "http://127.0.0.1:50051";

    /// <summary>
    /// An http://host:port serving gRPC-Web over HTTP/1.1, for browsers while <see cref="Listen"/> is h2c (which
    /// Kestrel cannot share with HTTP/1.1 on one port, and browsers do not speak); empty: none.
    /// </summary>
    public string WebListen { get; set; } = "";

    /// <summary>A PKCS#12 (.pfx) file with the server certificate and key, for https.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The largest message a client may send, compressed or once inflated (a roster import is the largest; 4 MiB fits
    /// ~1,000 villages).
    /// </summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest reply the silo sends; a larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReplyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Calls open at once on one HTTP/2 connection; a client opens another connection, or waits, beyond it.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>
    /// A connection quiet this long is pinged, so a NAT keeps an idle night-long stream (ingest, alarm watch) open,
    /// and a peer that vanished without closing is found.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping unanswered this long closes the connection and ends its calls.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public List<ApiTokenOptions> Tokens { get; set; } = [];
}
