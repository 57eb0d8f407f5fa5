using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace GongGrid.Api.Tests.Support;

/// <summary>A gRPC call made by hand, for requests the client never sends, such as a malformed authorization header.</summary>
public static class RawGrpc
{
    /// <summary>Calls <paramref name="method"/> with an empty request and returns the status it ended with.</summary>
    public static async Task<(StatusCode Status, string Message)> CallAsync(Uri address, string method, string? authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status") ?? throw new InvalidOperationException($"no grpc-status (HTTP {(int)response.StatusCode})");
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values) ? values.First() : null;
}
