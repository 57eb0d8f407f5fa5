using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GongGrid.Mqtt;

/// <summary>
/// TLS for the broker link. With none of the trust settings, the operating system's trust store validates the
/// broker. A village broker usually has a certificate from the district's own CA: set <see cref="CaCertificate"/>.
/// </summary>
public sealed record MqttTlsOptions
{
    /// <summary>Name the broker's certificate must carry; defaults to <see cref="MqttClientOptions.Host"/>.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Trust exactly this CA for the broker's chain (instead of the system store).</summary>
    public X509Certificate2? CaCertificate { get; init; }

    /// <summary>Full control over validation; when set, <see cref="CaCertificate"/> is ignored.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidation { get; init; }

    /// <summary>Certificates offered for client authentication, if the broker asks for one.</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }
}
