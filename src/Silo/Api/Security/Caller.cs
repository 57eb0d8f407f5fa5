using Grpc.Core;

namespace GongGrid.Silo.Api.Security;

/// <summary>Who is calling, from their bearer token: a name for the record, a role, and the keys they may touch.</summary>
public sealed record Caller(string Name, CallerRole Role, IReadOnlyList<string> Scopes)
{
    // A bridge for a whole district holds thousands of village scopes and checks one per event: look keys up.
    private readonly HashSet<string> _scopes = [.. Scopes];

    /// <summary>
    /// Throws PERMISSION_DENIED unless <paramref name="key"/> is one of the scopes or lies under one. The message is
    /// the same whether or not the key exists, so a token learns nothing about places outside its scope.
    /// </summary>
    public void RequireScope(string key)
    {
        for (var prefix = key; prefix.Length > 0; prefix = prefix[..Math.Max(0, prefix.LastIndexOf('/'))])
        {
            if (_scopes.Contains(prefix))
            {
                return;
            }
        }

        var scopes = Scopes.Count <= 3 ? string.Join(", ", Scopes) : $"{Scopes.Count} places";
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{key}' is outside this token's scope ({scopes})"));
    }

    /// <summary>Throws PERMISSION_DENIED unless the caller has one of <paramref name="roles"/>.</summary>
    public void RequireRole(string service, params CallerRole[] roles)
    {
        if (!roles.Contains(Role))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"a {Role} token may not call {service}"));
        }
    }
}
