using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace GongGrid.Rpc.Tests.Support;

/// <summary>
/// Hand-made gRPC requests over a plain HttpClient HTTP/2 connection, for what the GongGrid client would never send,
/// read without the GongGrid client so that its decoding is not what the assertion trusts.
/// </summary>
public static class RawGrpc
{
    public const string Path = "/gonggrid.test.EchoService/Echo";

    public static byte[] Frame(IMessage message) => Frame(0, message.ToByteArray());

    /// <summary>A frame with any flag byte, and a length prefix that may lie about the payload.</summary>
    public static byte[] Frame(byte flag, byte[] payload, int? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(declaredLength ?? payload.Length));
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static async Task<RawResponse> PostAsync(
        Uri server,
        byte[] body,
        string path = Path,
        string contentType = "application/grpc",
        params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(
            response.StatusCode,
            Header(response.Headers, "grpc-status"),
            Header(response.Headers, "grpc-message"),
            Header(response.TrailingHeaders, "grpc-status"),
            Header(response.TrailingHeaders, "grpc-message"),
            Header(response.Headers, "grpc-accept-encoding"),
            content);
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.Single() : null;
}

/// <summary>An HTTP/2 answer, with the gRPC status wherever it came (headers for trailers-only, else trailers).</summary>
public sealed record RawResponse(
    HttpStatusCode HttpStatus,
    string? HeaderStatus,
    string? HeaderMessage,
    string? TrailerStatus,
    string? TrailerMessage,
    string? AcceptEncoding,
    byte[] Body)
{
    public StatusCode? Status =>
        (HeaderStatus ?? TrailerStatus) is { } code ? (StatusCode)int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>grpc-message, percent-decoded by the framework's own decoder rather than GongGrid's.</summary>
    public string Message => Uri.UnescapeDataString(HeaderMessage ?? TrailerMessage ?? "");
}
