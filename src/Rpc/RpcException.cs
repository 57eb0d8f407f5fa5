namespace GongGrid.Rpc;

/// <summary>
/// A call ended with a status other than OK. Servers throw it to answer with that status; clients receive it when the
/// server (or the transport) ended the call that way.
/// </summary>
public sealed class RpcException(StatusCode status, string detail, Exception? inner = null)
    : Exception($"{status}: {detail}", inner)
{
    public StatusCode Status { get; } = status;

    /// <summary>The human-readable reason, sent as <c>grpc-message</c>.</summary>
    public string Detail { get; } = detail;
}
