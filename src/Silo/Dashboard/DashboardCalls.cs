using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// Runs one dashboard request as the holder of its bearer token, with the gRPC API's own checks, and answers a
/// refusal or failure with the HTTP status that matches the gRPC status the API would have sent.
/// </summary>
public sealed class DashboardCalls(TokenAuthentication tokens, ILogger<DashboardCalls> logger)
{
    /// <summary>A call context for <paramref name="method"/>, its caller authenticated from the request's token.</summary>
    public ServerCallContext Admit(HttpContext http, string method)
    {
        var context = new DashboardCallContext(http, method);
        TokenAuthentication.Admit(context, tokens.Authenticate(http.Request.Headers.Authorization.FirstOrDefault()));
        return context;
    }

    public async Task<IResult> RunAsync(HttpContext http, string method, Func<ServerCallContext, Task<IResult>> call)
    {
        try
        {
            return await call(Admit(http, method));
        }
        catch (Exception error) when (!http.RequestAborted.IsCancellationRequested)
        {
            return Refusal(error, method);
        }
    }

    /// <summary>What the page is told when a call failed: the gRPC code's name, its message, and the HTTP status.</summary>
    public IResult Refusal(Exception error, string method)
    {
        if ((error as RpcException ?? GrainErrors.ToStatus(error)) is not { } refused)
        {
            logger.LogError(error, "dashboard call {Method} failed", method);
            return Results.Json(new DashboardError("INTERNAL", $"{method} failed inside the silo; the silo logged the details"), statusCode: 500);
        }

        return Results.Json(new DashboardError(CodeName(refused.StatusCode), refused.Status.Detail), statusCode: HttpStatus(refused.StatusCode));
    }

    /// <summary>The code as gRPC spells it: PermissionDenied → PERMISSION_DENIED.</summary>
    private static string CodeName(StatusCode code) =>
        string.Concat(code.ToString().Select((letter, index) => index > 0 && char.IsUpper(letter) ? $"_{letter}" : $"{letter}")).ToUpperInvariant();

    private static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.FailedPrecondition or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>A refused or failed dashboard call: the gRPC status code's name and the reason.</summary>
public sealed record DashboardError(string Code, string Message);
