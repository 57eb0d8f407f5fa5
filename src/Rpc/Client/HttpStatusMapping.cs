using System.Net;

namespace GongGrid.Rpc.Client;

/// <summary>What a non-gRPC HTTP answer (a proxy, a wrong port) means as a gRPC status, per the protocol document.</summary>
internal static class HttpStatusMapping
{
    /// <summary>The HTTP/2 RST_STREAM error code CANCEL.</summary>
    public const long Http2Cancel = 0x8;

    public static StatusCode ToStatusCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
