using Google.Protobuf;
using GongGrid.Grains.Interfaces;
using Grpc.Core;
using GongGrid.Grains.Roster;
using GongGrid.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace GongGrid.Silo.Api.Mapping;

/// <summary>
/// The interceptor that says what an exception escaping a service method (mostly a grain's) means to a caller.
/// Anything not listed is INTERNAL: logged by the silo, with no detail sent out (grpc-dotnet alone would answer
/// UNKNOWN).
/// </summary>
public sealed class GrainErrors(ILogger<GrainErrors> logger) : CallInterceptor
{
    public static RpcException? ToStatus(Exception error) => error switch
    {
        // Orleans wraps what a storage provider threw; the provider's own error says what went wrong.
        OrleansException { InnerException: { } cause } when ToStatus(cause) is { } status => status,
        // A streamed request that does not decode (an IOException, so first); the parser's words stay here.
        InvalidProtocolBufferException => Status(StatusCode.Internal, "a request message could not be decoded"),
        RosterValidationException invalid => Status(StatusCode.InvalidArgument, invalid.Message),
        UnknownDeviceException or KeyNotFoundException => Status(StatusCode.NotFound, error.Message),
        ArgumentException => Status(StatusCode.InvalidArgument, error.Message),
        TimeoutException => Status(StatusCode.Unavailable, "the grid is busy; try again shortly"),
        InconsistentStateException => Status(StatusCode.Aborted, "a concurrent change won; try again"),
        InvalidOperationException => Status(StatusCode.FailedPrecondition, error.Message),
        IOException => StorageUnavailable(),
        // The database's own words (hosts, users, queries) are not the caller's business.
        _ when StorageOutage.Is(error) => StorageUnavailable(),
        _ => null,
    };

    protected override async Task AroundAsync(ServerCallContext context, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception error) when (error is not RpcException && !context.CancellationToken.IsCancellationRequested)
        {
            // A call the client cancelled, or whose deadline passed, ends as grpc-dotnet says; nobody waits for more.
            throw ToStatus(error) ?? Unexpected(context, error);
        }
    }

    private RpcException Unexpected(ServerCallContext context, Exception error)
    {
        logger.LogError(error, "{Method} failed for {Peer}", context.Method, context.Peer);
        return Status(StatusCode.Internal, $"{context.Method} failed inside the silo; the silo logged the details");
    }

    private static RpcException StorageUnavailable() => Status(StatusCode.Unavailable, "the silo's storage is unavailable; try again shortly");

    private static RpcException Status(StatusCode code, string detail) => new(new Status(code, detail));
}
