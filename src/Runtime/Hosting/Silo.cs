using System.Reflection;
using GongGrid.Runtime.Activation;
using GongGrid.Runtime.Persistence;
using GongGrid.Runtime.Placement;
using GongGrid.Runtime.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GongGrid.Runtime;

/// <summary>
/// One silo: the grain runtime of a process. Start it to load reminders and begin idle collection; stop it
/// to deactivate every grain, writing unsaved state.
/// </summary>
public sealed class Silo
{
    private readonly Hosting.GrainRuntime _runtime;
    private ITimer? _idleCollection;

    public Silo(IServiceProvider services, SiloOptions options, IEnumerable<Assembly> grainAssemblies)
    {
        _runtime = new Hosting.GrainRuntime(
            services,
            options,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("GongGrid.Runtime"),
            new GrainTypeRegistry(grainAssemblies),
            new GrainPlacement(new PartitionMap(options.PartitionCount, options.PlacementKeySegments), services.GetService<IPartitionOwnership>() ?? new AllPartitionsLocal()),
            services.GetRequiredService<IReminderTable>(),
            StateJson.Options);
    }

    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    /// <summary>Activations currently live in this silo.</summary>
    public int ActivationCount => _runtime.Directory.Count;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _runtime.Reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        var age = _runtime.Options.IdleCollectionAge;
        var sweep = TimeSpan.FromTicks(Math.Clamp(age.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _idleCollection = _runtime.TimeProvider.CreateTimer(
            static state => ((Hosting.GrainRuntime)state!).Directory.CollectIdle(((Hosting.GrainRuntime)state!).Options.IdleCollectionAge),
            _runtime, sweep, sweep);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _idleCollection?.Dispose();
        _runtime.Reminders.Stop();
        _runtime.SignalStopping();
        await _runtime.Directory.DeactivateAllAsync(DeactivationReason.SiloStopping).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
