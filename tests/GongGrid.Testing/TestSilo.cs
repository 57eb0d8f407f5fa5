using GongGrid.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace GongGrid.Testing;

/// <summary>
/// One silo of Orleans's in-process test cluster with the GongGrid grains, the given storage and a manual clock;
/// calls go through the silo's own grain factory, as the gRPC services in a real silo make them. Dispose to stop
/// it like a host would (activations deactivate, queued writes commit).
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestSilo(InProcessTestCluster cluster)
    {
        _cluster = cluster;
        Services = cluster.GetSiloServiceProvider();
    }

    public IServiceProvider Services { get; }

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <param name="storage">Puts grain state and reminders somewhere, as <see cref="GridStorage.UseGridStorage"/> does.</param>
    public static async Task<TestSilo> StartAsync(TimeProvider clock, Action<ISiloBuilder> storage, Action<IServiceCollection>? addServices = null)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGrid(clock);
            storage(silo);
            addServices?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster);
    }

    /// <summary>Activations of GongGrid's own grains on the silo (Orleans's system grains not counted).</summary>
    public async Task<int> ActivationCountAsync()
    {
        var statistics = await GrainFactory.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(grain => grain.GrainType.StartsWith("GongGrid.", StringComparison.Ordinal)).Sum(grain => grain.ActivationCount);
    }

    /// <summary>Collects every activation that has been idle for <paramref name="idle"/>, as the idle collector would.</summary>
    public Task CollectIdleAsync(TimeSpan idle) => GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(idle);

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
