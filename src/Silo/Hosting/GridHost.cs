using GongGrid.Grains.Villages;
using GongGrid.Runtime;
using GongGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Hosting;

/// <summary>A running silo with the GongGrid grains: storage opened, reminders loaded, stopped cleanly on dispose.</summary>
public sealed class GridHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly GrainStore _storage;

    private GridHost(IHost host, GrainStore storage)
    {
        _host = host;
        _storage = storage;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public string StorageDescription => _storage.Description;

    public static async Task<GridHost> StartAsync(string[] args, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        // appsettings.json ships beside the executable, wherever the silo is run from; logs go to standard error,
        // so standard output carries only what a command prints (acks, the report JSON) for scripts to read.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        var options = builder.Configuration.GetSection("GongGrid").Get<GridOptions>() ?? new GridOptions();
        var storage = await GridStorage.OpenAsync(options, cancellationToken);
        builder.Services
            .AddSingleton(clock)
            .AddSingleton(storage.Grains)
            .AddSingleton(storage.Reminders)
            .AddSilo(silo => silo.IdleCollectionAge = options.IdleCollectionAge, typeof(VillageGrain).Assembly);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new GridHost(host, storage);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _storage.DisposeAsync();
    }
}
