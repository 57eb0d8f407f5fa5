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
    private readonly (string Sha256, Caller Caller)[] _callers =
        [.. tokens.Select(token => (token.Sha256, new Caller(token.Name, token.Role, token.Scopes)))];

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
        var caller = _callers.FirstOrDefault(candidate => TokenHash.Matches(candidate.Sha256, hash)).Caller
            ?? throw new RpcException(StatusCode.Unauthenticated, "the bearer token is not valid for this grid");
        context.Items[CallerItem] = caller;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// For the police services (district queries, alarms): the caller must be police or an admin, and
    /// <paramref name="key"/> within their scope. Returns the key, so a method can check and take it in one step.
    /// </summary>
    public static string AuthorizePolice(ServerCallContext context, string service, string key)
    {
        var caller = CallerOf(context);
        caller.RequireRole(service, CallerRole.DistrictPolice, CallerRole.CommunePolice, CallerRole.Admin);
        caller.RequireScope(key);
        return key;
    }

    /// <summary>The caller the filter authenticated for this call.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.Items.TryGetValue(CallerItem, out var caller) && caller is Caller known
            ? known
            : throw new RpcException(StatusCode.Unauthenticated, "the call was not authenticated");
}
