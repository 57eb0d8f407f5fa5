using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GongGrid.EdgeBridge.Tests.Broker;

/// <summary>A district's own CA and a village broker certificate it signed for 127.0.0.1, as PEM files in a temporary directory.</summary>
internal sealed class DistrictCertificates : IDisposable
{
    private DistrictCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "district-ca.pem");

    public string BrokerCertificateFile => Path.Combine(Directory, "broker.pem");

    public string BrokerKeyFile => Path.Combine(Directory, "broker.key");

    public static async Task<DistrictCertificates> CreateAsync()
    {
        var certificates = new DistrictCertificates(System.IO.Directory.CreateTempSubdirectory("gonggrid-tls-").FullName);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Ngoc Lac district test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));

        using var brokerKey = RSA.Create(2048);
        var brokerRequest = new CertificateRequest("CN=village broker", brokerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        brokerRequest.CertificateExtensions.Add(names.Build());
        brokerRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var broker = brokerRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [1, 2, 3, 4]);

        await File.WriteAllTextAsync(certificates.CaFile, ca.ExportCertificatePem());
        await File.WriteAllTextAsync(certificates.BrokerCertificateFile, broker.ExportCertificatePem());
        await File.WriteAllTextAsync(certificates.BrokerKeyFile, brokerKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
