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

    public override async Task Watch(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        if (!Known.Contains(request.Service))
        {
            await responses.WriteAsync(new HealthCheckResponse { Status = ServingStatus.ServiceUnknown });
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        var status = Current();
        await responses.WriteAsync(new HealthCheckResponse { Status = status });
        if (status == ServingStatus.Serving)
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, context.CancellationToken);
            await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.CancellationToken.ThrowIfCancellationRequested();
            await responses.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing });
        }

        await Task.Delay(Timeout.Infinite, context.CancellationToken);
    }

    private ServingStatus Current() =>
        lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? ServingStatus.Serving
            : ServingStatus.NotServing;
}
