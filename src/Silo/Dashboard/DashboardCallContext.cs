using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// The call context a gRPC service method sees when the dashboard's HTTP endpoint runs it in process: the page's
/// request headers (its bearer token), its cancellation, and the caller the token names. Everything the service
/// checks (role, scope, fields) it checks as it does for a gRPC call.
/// </summary>
public sealed class DashboardCallContext(HttpContext http, string method) : ServerCallContext
{
    private readonly Metadata _requestHeaders = [.. http.Request.Headers.Authorization.Select(value => new Metadata.Entry("authorization", value ?? ""))];

    protected override string MethodCore => method;

    protected override string HostCore => http.Request.Host.Value ?? "";

    protected override string PeerCore => $"dashboard:{http.Connection.RemoteIpAddress}:{http.Connection.RemotePort}";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => http.RequestAborted;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("the dashboard's calls start no further gRPC calls");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
