using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace GongGrid.Api.Tests.Support;

/// <summary>A gRPC call made by hand, for requests the client never sends: a malformed header, a body that is not a message.</summary>
public static class RawGrpc
{
    /// <summary>Calls <paramref name="method"/> with an empty request and returns the status it ended with.</summary>
    public static Task<(StatusCode Status, string Message)> CallAsync(Uri address, string method, string? authorization) =>
        CallAsync(address, method, authorization, Frame(compressed: false, []));

    /// <summary>Calls <paramref name="method"/> with <paramref name="body"/> as the request body, and returns the status it ended with.</summary>
    public static async Task<(StatusCode Status, string Message)> CallAsync(
        Uri address, string method, string? authorization, byte[] body, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", authorization);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status") ?? throw new InvalidOperationException($"no grpc-status (HTTP {(int)response.StatusCode})");
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
    }

    /// <summary>One length-prefixed message as gRPC frames it: the compressed flag, the length, the bytes.</summary>
    public static byte[] Frame(bool compressed, byte[] message)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.First() : null;
}
