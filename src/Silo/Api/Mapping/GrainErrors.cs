using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Roster;
using GongGrid.Rpc;
using Orleans.Storage;

namespace GongGrid.Silo.Api.Mapping;

/// <summary>
/// What a grain's exception means to a caller. Anything not listed stays INTERNAL: logged by the server, with no
/// detail sent out.
/// </summary>
public static class GrainErrors
{
    public static RpcException? ToStatus(Exception error) => error switch
    {
        // Orleans wraps what a storage provider threw; the provider's own error says what went wrong.
        OrleansException { InnerException: { } cause } when ToStatus(cause) is { } status => status,
        RosterValidationException invalid => new RpcException(StatusCode.InvalidArgument, invalid.Message),
        UnknownDeviceException or KeyNotFoundException => new RpcException(StatusCode.NotFound, error.Message),
        ArgumentException => new RpcException(StatusCode.InvalidArgument, error.Message),
        TimeoutException => new RpcException(StatusCode.Unavailable, "the grid is busy; try again shortly"),
        InconsistentStateException => new RpcException(StatusCode.Aborted, "a concurrent change won; try again"),
        InvalidOperationException => new RpcException(StatusCode.FailedPrecondition, error.Message),
        IOException or Microsoft.Data.Sqlite.SqliteException =>
            new RpcException(StatusCode.Unavailable, "the silo's storage is unavailable; try again shortly"),
        _ => null,
    };
}
