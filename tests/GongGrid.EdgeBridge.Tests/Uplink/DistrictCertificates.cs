using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GongGrid.EdgeBridge.Tests.Uplink;

/// <summary>
/// A district's own certificate authority and the grid certificate it issued for 127.0.0.1, written to a directory
/// as the silo (a .pfx) and a village bridge (the CA's PEM) are given them.
/// </summary>
internal sealed class DistrictCertificates : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gonggrid-certificates-").FullName;

    public DistrictCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Công an huyện Ngọc Lặc CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var gridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var gridRequest = new CertificateRequest("CN=127.0.0.1", gridKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        gridRequest.CertificateExtensions.Add(names.Build());
        gridRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var issued = gridRequest.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        using var grid = issued.CopyWithPrivateKey(gridKey);

        AuthorityPem = Path.Combine(_directory, "district-ca.pem");
        File.WriteAllText(AuthorityPem, ca.ExportCertificatePem());
        GridPfx = Path.Combine(_directory, "grid.pfx");
        File.WriteAllBytes(GridPfx, grid.Export(X509ContentType.Pfx));
    }

    /// <summary>The CA's certificate, PEM: what a village bridge is configured to trust.</summary>
    public string AuthorityPem { get; }

    /// <summary>The grid's certificate and key, for the silo.</summary>
    public string GridPfx { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
