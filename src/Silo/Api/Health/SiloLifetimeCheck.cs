using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GongGrid.Silo.Api.Health;

/// <summary>
/// What grpc.health.v1 reports for the silo and each of its services: healthy (SERVING) once the silo has started
/// (storage open, reminders loaded, grains callable), unhealthy (NOT_SERVING) from the moment it begins to stop, so
/// a load balancer drains it first.
/// </summary>
public sealed class SiloLifetimeCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("the silo is stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the silo is starting"));
}
