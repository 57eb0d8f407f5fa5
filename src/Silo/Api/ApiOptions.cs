using GongGrid.Silo.Api.Security;

namespace GongGrid.Silo.Api;

/// <summary>The gRPC API's settings, bound from GongGrid:Api.</summary>
public sealed class ApiOptions
{
    /// <summary>http://host:port serves h2c (loopback, or behind a TLS proxy); https://host:port needs a certificate.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:50051";

    /// <summary>A PKCS#12 (.pfx) file with the server certificate and key, for https.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The largest message a client may send (a roster import is the largest; 4 MiB fits ~1,000 villages).</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    public List<ApiTokenOptions> Tokens { get; set; } = [];
}
