using System.Reflection;
using GongGrid.Runtime;
using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Testing;

/// <summary>An in-process silo over given storage and a manual clock; dispose to stop it like a host would.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services)
    {
        _services = services;
        Silo = services.GetRequiredService<Silo>();
    }

    public Silo Silo { get; }

    public IGrainFactory GrainFactory => Silo.GrainFactory;

    public IServiceProvider Services => _services;

    public static async Task<TestSilo> StartAsync(
        IGrainStorage storage,
        IReminderTable reminders,
        TimeProvider clock,
        Assembly grainAssembly,
        Action<SiloOptions>? configure = null,
        Action<IServiceCollection>? addServices = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton(storage)
            .AddSingleton(reminders)
            .AddSilo(configure, grainAssembly);
        addServices?.Invoke(services);
        var silo = new TestSilo(services.BuildServiceProvider());
        await silo.Silo.StartAsync();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync();
        await _services.DisposeAsync();
    }
}
