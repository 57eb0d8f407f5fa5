using GongGrid.Rpc;

namespace GongGrid.Silo.Api.Security;

/// <summary>Who is calling, from their bearer token: a name for the record, a role, and the keys they may touch.</summary>
public sealed record Caller(string Name, CallerRole Role, IReadOnlyList<string> Scopes)
{
    /// <summary>
    /// Throws PERMISSION_DENIED unless <paramref name="key"/> is one of the scopes or lies under one. The message is
    /// the same whether or not the key exists, so a token learns nothing about places outside its scope.
    /// </summary>
    public void RequireScope(string key)
    {
        if (!Scopes.Any(scope => key == scope || key.StartsWith(scope + "/", StringComparison.Ordinal)))
        {
            throw new RpcException(StatusCode.PermissionDenied, $"'{key}' is outside this token's scope ({string.Join(", ", Scopes)})");
        }
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller has one of <paramref name="roles"/>.</summary>
    public void RequireRole(string service, params CallerRole[] roles)
    {
        if (!roles.Contains(Role))
        {
            throw new RpcException(StatusCode.PermissionDenied, $"a {Role} token may not call {service}");
        }
    }
}
