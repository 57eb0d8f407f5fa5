using GongGrid.Benchmarks.BenchGrains;
using GongGrid.Runtime;
using GongGrid.Runtime.Reminders;
using GongGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Benchmarks;

/// <summary>One in-process silo over in-memory storage, as the embedded default runs it minus the disk.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchSilo(ServiceProvider services)
    {
        _services = services;
        Silo = services.GetRequiredService<Silo>();
    }

    public Silo Silo { get; }

    public IGrainFactory GrainFactory => Silo.GrainFactory;

    public static async Task<BenchSilo> StartAsync()
    {
        var services = new ServiceCollection()
            .AddSingleton<IGrainStorage>(new InMemoryGrainStorage())
            .AddSingleton<IReminderTable>(new InMemoryReminderTable())
            .AddSilo(null, typeof(QueryGrain).Assembly)
            .BuildServiceProvider();
        var silo = new BenchSilo(services);
        await silo.Silo.StartAsync();
        return silo;
    }

    /// <summary>A key shaped like a village's (district/commune/village), so placement and hashing see realistic strings.</summary>
    public static string VillageKey(string run, int index) => $"{run}/commune-{index / 100:D4}/village-{index:D6}";

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync();
        await _services.DisposeAsync();
    }
}
