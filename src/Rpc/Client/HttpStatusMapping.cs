using System.Net;

namespace GongGrid.Rpc.Client;

/// <summary>
/// What a non-gRPC HTTP answer (a proxy, a wrong port) or an HTTP/2 reset means as a gRPC status, per the protocol
/// document.
/// </summary>
internal static class HttpStatusMapping
{
    private const long Http2RefusedStream = 0x7;
    private const long Http2Cancel = 0x8;
    private const long Http2EnhanceYourCalm = 0xB;
    private const long Http2InadequateSecurity = 0xC;

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

    /// <summary>The status of a call the peer ended with RST_STREAM (or GOAWAY) carrying <paramref name="errorCode"/>.</summary>
    public static StatusCode FromHttp2Error(long errorCode) => errorCode switch
    {
        Http2RefusedStream => StatusCode.Unavailable,
        Http2Cancel => StatusCode.Cancelled,
        Http2EnhanceYourCalm => StatusCode.ResourceExhausted,
        Http2InadequateSecurity => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
