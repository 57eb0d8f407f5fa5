using Microsoft.AspNetCore.Http;

namespace GongGrid.Rpc.Server;

/// <summary>What a service method knows about the call it is answering.</summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _http;

    internal ServerCallContext(HttpContext http, string method, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        _http = http;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The path of the method called, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>When the client stops waiting, from its <c>grpc-timeout</c>; null without one (or one weeks away).</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Cancelled when the client goes away, cancels, or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The client's address and port.</summary>
    public string Peer => $"{_http.Connection.RemoteIpAddress}:{_http.Connection.RemotePort}";

    /// <summary>Per-call values, such as the caller a call filter authenticated.</summary>
    public IDictionary<object, object?> Items => _http.Items;

    /// <summary>A request header (metadata) value, or null.</summary>
    public string? GetRequestHeader(string name)
    {
        var values = _http.Request.Headers[name];
        return values.Count == 0 ? null : values[0];
    }
}
