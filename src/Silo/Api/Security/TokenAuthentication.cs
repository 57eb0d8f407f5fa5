using Grpc.Core;

namespace GongGrid.Silo.Api.Security;

/// <summary>
/// The interceptor that turns <c>authorization: Bearer …</c> into a <see cref="Caller"/>, or ends the call with
/// UNAUTHENTICATED. Health checks and server reflection are open, so probes, load balancers and tools such as
/// grpcurl need no token.
/// </summary>
public sealed class TokenAuthentication(IReadOnlyList<ApiTokenOptions> tokens) : CallInterceptor
{
    private static readonly object CallerItem = new();
    private static readonly string[] OpenServices = ["/grpc.health.v1.Health/", "/grpc.reflection.v1.ServerReflection/", "/grpc.reflection.v1alpha.ServerReflection/"];
    private readonly (string Sha256, Caller Caller)[] _callers =
        [.. tokens.Select(token => (token.Sha256, new Caller(token.Name, token.Role, token.Scopes)))];

    protected override Task AroundAsync(ServerCallContext context, Func<Task> call)
    {
        if (!OpenServices.Any(open => context.Method.StartsWith(open, StringComparison.Ordinal)))
        {
            Admit(context, Authenticate(context.RequestHeaders.GetValue("authorization")));
        }

        return call();
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

    /// <summary>Records <paramref name="caller"/> as the one making this call (the dashboard's calls come this way too).</summary>
    public static void Admit(ServerCallContext context, Caller caller) => context.UserState[CallerItem] = caller;

    /// <summary>The caller the interceptor authenticated for this call.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.UserState.TryGetValue(CallerItem, out var caller) && caller is Caller known
            ? known
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "the call was not authenticated"));

    /// <summary>The holder of the bearer token in <paramref name="header"/>, or UNAUTHENTICATED.</summary>
    public Caller Authenticate(string? header)
    {
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required (authorization: Bearer …)"));
        }

        return Find(header["Bearer ".Length..].Trim())
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "the bearer token is not valid for this grid"));
    }

    /// <summary>The holder of <paramref name="token"/>, or null when no configured token is this one.</summary>
    public Caller? Find(string token)
    {
        var hash = TokenHash.Of(token);
        return _callers.FirstOrDefault(candidate => TokenHash.Matches(candidate.Sha256, hash)).Caller;
    }
}
