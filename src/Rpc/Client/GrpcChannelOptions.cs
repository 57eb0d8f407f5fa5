using System.Net.Security;

namespace GongGrid.Rpc.Client;

/// <summary>Settings for every call on a channel.</summary>
public sealed class GrpcChannelOptions
{
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Checks the server's certificate on https addresses; null uses the machine's trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>Sent on every call unless the call names its own.</summary>
    public string? BearerToken { get; set; }
}
