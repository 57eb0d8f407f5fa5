using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GongGrid.Runtime;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo hosting the grain classes found in <paramref name="grainAssemblies"/>. Storage
    /// (<see cref="Storage.IGrainStorage"/> and <see cref="Reminders.IReminderTable"/>) is registered separately.
    /// </summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloOptions>? configure, params Assembly[] grainAssemblies)
    {
        var options = new SiloOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(provider => new Silo(provider, options, grainAssemblies));
        services.AddSingleton(provider => provider.GetRequiredService<Silo>().GrainFactory);
        services.AddHostedService<SiloHostedService>();
        return services;
    }

    private sealed class SiloHostedService(Silo silo) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
    }
}
