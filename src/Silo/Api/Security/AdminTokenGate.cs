using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Silo.Api.Security;

/// <summary>
/// Lets an HTTP request through only with an admin token: 401 without a token of this grid, 403 with anyone else's.
/// The token comes as a bearer token (curl, scripts) or as the password of HTTP Basic, any user name: a page cannot
/// send a header of its own on its first load, but a browser asks for Basic credentials once and then sends them with
/// every request to the same address, the page's polling and its log stream included, with no sign-in page, cookie
/// or cross-site request forgery to guard. A refusal says why in a sentence and carries nothing else.
/// </summary>
public sealed class AdminTokenGate(RequestDelegate next, TokenAuthentication tokens)
{
    private const string Challenge = "Basic realm=\"GongGrid operators\", charset=\"UTF-8\"";

    public Task InvokeAsync(HttpContext context)
    {
        if (TokenOf(context.Request.Headers.Authorization.ToString()) is not { } token || tokens.Find(token) is not { } caller)
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
            return RefuseAsync(context, StatusCodes.Status401Unauthorized, "an admin token of this grid is required (Basic with the token as the password, or Bearer)");
        }

        return caller.Role == CallerRole.Admin
            ? next(context)
            : RefuseAsync(context, StatusCodes.Status403Forbidden, $"a {caller.Role} token may not open this page; it is for operators with an Admin token");
    }

    /// <summary>The token in a Bearer header, or the password of a Basic one; null when neither is there or readable.</summary>
    private static string? TokenOf(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var authorization) || authorization.Parameter is not { Length: > 0 } parameter)
        {
            return null;
        }
        if (authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return parameter;
        }
        if (!authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length))
        {
            return null;
        }
        var userAndPassword = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = userAndPassword.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : userAndPassword[(colon + 1)..];
    }

    private static Task RefuseAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }
}
