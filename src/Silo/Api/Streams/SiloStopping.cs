using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace GongGrid.Silo.Api.Streams;

/// <summary>
/// Ends the streams held open for hours (alarm watches, bridge uplinks) once the silo begins to stop: Kestrel would
/// otherwise wait out its whole shutdown timeout for them, and their clients should reconnect to a silo that serves.
/// Kestrel stops only after they have ended and a short grace has passed: it closes each connection as soon as its
/// last call is done, and an HTTP client that has not yet read the status a stream ended with loses it then.
/// </summary>
public sealed class SiloStopping(IHostApplicationLifetime lifetime) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private int _open;

    /// <summary>Holds a stream open; its token is cancelled when the call ends or the silo begins to stop.</summary>
    public HeldStream Link(ServerCallContext context) => new(this, CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping));

    /// <summary>True when a cancellation came from the silo stopping rather than from the caller.</summary>
    public bool Ended(ServerCallContext context) =>
        lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    public static RpcException Unavailable(string reconnect) => new(new Status(StatusCode.Unavailable, $"the silo is stopping; {reconnect}"));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once ApplicationStopping has fired, and before Kestrel stops: hosted services stop in the reverse order of
    /// their registration, and Kestrel's was registered first.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (Volatile.Read(ref _open) > 0 && waited < Patience)
        {
            await Task.Delay(Grace / 5, cancellationToken);
            waited += Grace / 5;
        }

        await Task.Delay(Grace, cancellationToken);
    }

    public sealed class HeldStream : IDisposable
    {
        private readonly SiloStopping _stopping;
        private readonly CancellationTokenSource _open;

        internal HeldStream(SiloStopping stopping, CancellationTokenSource open)
        {
            _stopping = stopping;
            _open = open;
            Interlocked.Increment(ref stopping._open);
        }

        public CancellationToken Token => _open.Token;

        public void Dispose()
        {
            Interlocked.Decrement(ref _stopping._open);
            _open.Dispose();
        }
    }
}
