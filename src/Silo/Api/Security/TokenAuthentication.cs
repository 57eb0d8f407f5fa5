using GongGrid.Rpc;
using GongGrid.Rpc.Server;

namespace GongGrid.Silo.Api.Security;

/// <summary>
/// The call filter that turns <c>authorization: Bearer …</c> into a <see cref="Caller"/>, or ends the call with
/// UNAUTHENTICATED. Health checks are open, so probes and load balancers need no token.
/// </summary>
public sealed class TokenAuthentication(IReadOnlyList<ApiTokenOptions> tokens)
{
    private static readonly object CallerItem = new();

    public ValueTask AuthenticateAsync(ServerCallContext context)
    {
        if (context.Method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal))
        {
            return ValueTask.CompletedTask;
        }

        var header = context.GetRequestHeader("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Unauthenticated, "a bearer token is required (authorization: Bearer …)");
        }

        var hash = TokenHash.Of(header["Bearer ".Length..].Trim());
        var token = tokens.FirstOrDefault(candidate => TokenHash.Matches(candidate.Sha256, hash))
            ?? throw new RpcException(StatusCode.Unauthenticated, "the bearer token is not valid for this grid");
        context.Items[CallerItem] = new Caller(token.Name, token.Role, token.Scopes);
        return ValueTask.CompletedTask;
    }

    /// <summary>The caller the filter authenticated for this call.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.Items.TryGetValue(CallerItem, out var caller) && caller is Caller known
            ? known
            : throw new RpcException(StatusCode.Unauthenticated, "the call was not authenticated");
}
