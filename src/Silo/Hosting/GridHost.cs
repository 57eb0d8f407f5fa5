using GongGrid.Silo.Api;
using GongGrid.Silo.Metrics;
using GongGrid.Silo.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Hosting;

/// <summary>A running Orleans silo with the GongGrid grains: storage opened, reminders loaded, stopped cleanly on dispose.</summary>
public sealed class GridHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GridHost(IHost host, string storageDescription)
    {
        _host = host;
        StorageDescription = storageDescription;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Where the gRPC API listens; null when this host does not serve it.</summary>
    public Uri? ApiAddress { get; private init; }

    /// <summary>Where browsers open the police dashboard; null when this host serves no HTTP/1.1 for them.</summary>
    public Uri? DashboardAddress { get; private init; }

    /// <summary>Where Prometheus reads the silo's metrics (GongGrid:Metrics:Listen); null when off.</summary>
    public Uri? MetricsAddress { get; private init; }

    /// <summary>Where operators open the Orleans Dashboard (GongGrid:OrleansDashboard:Listen); null when off.</summary>
    public Uri? OrleansDashboardAddress { get; private init; }

    public string StorageDescription { get; }

    public static Task<GridHost> StartAsync(string[] args, TimeProvider clock, CancellationToken cancellationToken = default) =>
        StartAsync(args, clock, serveApi: false, cancellationToken);

    /// <summary>Starts the silo; with <paramref name="serveApi"/> also the gRPC API on Kestrel (GongGrid:Api).</summary>
    public static async Task<GridHost> StartAsync(string[] args, TimeProvider clock, bool serveApi, CancellationToken cancellationToken = default)
    {
        // appsettings.json ships beside the executable, wherever the silo is run from; logs go to standard error,
        // so standard output carries only what a command prints (acks, the report JSON) for scripts to read.
        IHostApplicationBuilder builder = serveApi
            ? WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory })
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        var options = builder.Configuration.GetSection("GongGrid").Get<GridOptions>() ?? new GridOptions();
        builder.UseOrleans(silo => silo.ConfigureGrid(options, clock).UseGridKubernetes(builder.Configuration));
        // SIGTERM stops the host: Orleans stops taking calls and deactivates its grains (state written as grains
        // write it) so the other silos take them; past the grace the process ends regardless.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownGrace);
        var description = GridStorage.Describe(options);
        if (builder is not WebApplicationBuilder web)
        {
            var host = ((HostApplicationBuilder)builder).Build();
            await host.StartAsync(cancellationToken);
            return new GridHost(host, description);
        }

        var api = builder.Configuration.GetSection("GongGrid:Api").Get<ApiOptions>() ?? new ApiOptions();
        ApiServer.Configure(web, api);
        var metricsPage = MetricsServer.Configure(web, builder.Configuration.GetSection("GongGrid:Metrics").Get<MetricsOptions>() ?? new MetricsOptions(), api.Tokens);
        var orleansDashboard = OrleansDashboardServer.Configure(web, builder.Configuration.GetSection("GongGrid:OrleansDashboard").Get<OrleansDashboardOptions>() ?? new OrleansDashboardOptions());
        var app = web.Build();
        if (orleansDashboard is not null)
        {
            OrleansDashboardServer.Map(app, orleansDashboard); // first: its port answers nothing else
        }
        ApiServer.Map(app);
        if (metricsPage is not null)
        {
            MetricsServer.Map(app, metricsPage);
        }
        await app.StartAsync(cancellationToken);
        return new GridHost(app, description)
        {
            ApiAddress = ApiServer.BoundAddress(app.Services),
            DashboardAddress = ApiServer.DashboardAddress(app.Services, api),
            MetricsAddress = metricsPage,
            OrleansDashboardAddress = orleansDashboard,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
