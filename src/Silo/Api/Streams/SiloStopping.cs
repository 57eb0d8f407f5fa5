using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// Ends the streams held open for hours (alarm watches, bridge uplinks) once the silo begins to stop: Kestrel would
/// otherwise wait out its whole shutdown timeout for them, and their clients should reconnect to a silo that serves.
/// </summary>
public sealed class SiloStopping(IHostApplicationLifetime lifetime)
{
    /// <summary>Cancelled when the call ends or the silo begins to stop.</summary>
    public CancellationTokenSource Link(ServerCallContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);

    /// <summary>True when a cancellation came from the silo stopping rather than from the caller.</summary>
    public bool Ended(ServerCallContext context) =>
        lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    public static RpcException Unavailable(string reconnect) => new(new Status(StatusCode.Unavailable, $"the silo is stopping; {reconnect}"));
}
