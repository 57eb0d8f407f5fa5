using GongGrid.Api.Health;
using GongGrid.Rpc;
using GongGrid.Rpc.Server;
using Microsoft.Extensions.Hosting;
using static GongGrid.Api.Health.HealthCheckResponse.Types;

namespace GongGrid.Silo.Api.Services;

/// <summary>
/// grpc.health.v1: SERVING once the silo has started (storage open, reminders loaded, grains callable) and
/// NOT_SERVING from the moment it begins to stop, so a load balancer drains it first. The empty service name
/// and every GongGrid service report the same; other names are SERVICE_UNKNOWN (Check: NOT_FOUND).
/// </summary>
public sealed class HealthApi(IHostApplicationLifetime lifetime) : Health.HealthBase
{
    private static readonly HashSet<string> Known =
        ["", "gonggrid.v1.DistrictService", "gonggrid.v1.AlarmService", "gonggrid.v1.IngestService", "gonggrid.v1.AdminService"];

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Known.Contains(request.Service)
            ? Task.FromResult(new HealthCheckResponse { Status = Current() })
            : throw new RpcException(StatusCode.NotFound, $"unknown service '{request.Service}'");

    /// <summary>
    /// The status now, then NOT_SERVING when the silo begins to stop, and the stream ends so that stopping need not
    /// wait for the prober.
    /// </summary>
    public override async Task Watch(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var status = Known.Contains(request.Service) ? Current() : ServingStatus.ServiceUnknown;
        await responses.WriteAsync(new HealthCheckResponse { Status = status });
        if (status == ServingStatus.NotServing && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Asked while the silo was still starting: say SERVING once it has started.
            using var starting = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, lifetime.ApplicationStopping, context.CancellationToken);
            await Until(starting.Token);
            context.CancellationToken.ThrowIfCancellationRequested();
            status = Current();
            if (status == ServingStatus.Serving)
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status });
            }
        }

        using var open = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, context.CancellationToken);
        await Until(open.Token);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (status == ServingStatus.Serving)
        {
            await responses.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing });
        }
    }

    private static Task Until(CancellationToken token) => Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);

    private ServingStatus Current() =>
        lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? ServingStatus.Serving
            : ServingStatus.NotServing;
}
