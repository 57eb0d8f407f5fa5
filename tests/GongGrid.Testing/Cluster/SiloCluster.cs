using GongGrid.Storage.Hosting;
using GongGrid.Storage.Postgres;
using GongGrid.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// Silo processes forming one cluster on a fresh database of the shared PostgreSQL server, and an Orleans client
/// on their gateways to ask Orleans's management grain where grains are active and which silos are alive.
/// Disposing kills every silo still running.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly List<ClusterSilo> _silos = [];
    private readonly HashSet<ClusterSilo> _frozen = [];
    private readonly Lock _gate = new();
    private readonly SiloLaunch _launch;
    private IHost? _client;
    private NpgsqlDataSource? _clientDatabase;
    private int _started;

    private SiloCluster(string connectionString, SiloLaunch launch)
    {
        ConnectionString = connectionString;
        _launch = launch;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ClusterSilo> Silos
    {
        get
        {
            lock (_gate)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>Silos still running and not frozen: where a bridge may send.</summary>
    public IReadOnlyList<ClusterSilo> Live
    {
        get
        {
            lock (_gate)
            {
                return [.. _silos.Where(silo => !silo.Process.HasExited && !_frozen.Contains(silo))];
            }
        }
    }

    /// <summary>
    /// Starts all but one silo together, then the last, which imports the sample roster: the import's activations are
    /// placed across every silo already in the cluster, as they would be in a district that has been running.
    /// </summary>
    public static async Task<SiloCluster> StartAsync(ThrowawayPostgres server, int silos, SiloLaunch? launch = null)
    {
        var cluster = new SiloCluster(await server.CreateDatabaseAsync(), launch ?? SiloLaunch.Default);
        try
        {
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => cluster.AddSiloAsync()));
            await cluster.AddSiloAsync(importRoster: true);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<ClusterSilo> AddSiloAsync(bool importRoster = false)
    {
        var name = $"silo-{Interlocked.Increment(ref _started)}";
        var silo = await ClusterSilo.StartAsync(name, ConnectionString, importRoster, _launch);
        lock (_gate)
        {
            _silos.Add(silo);
        }
        return silo;
    }

    /// <summary>SIGSTOP: the silo stays in the membership table with its sockets open, and answers nothing.</summary>
    public async Task FreezeAsync(ClusterSilo silo)
    {
        lock (_gate)
        {
            _frozen.Add(silo);
        }
        await silo.Process.PauseAsync();
    }

    public Task ThawAsync(ClusterSilo silo) => silo.Process.ResumeAsync();

    /// <summary>Where each of GongGrid's own grains is active now, by grain, across the cluster.</summary>
    public async Task<List<(GrainId Grain, SiloAddress Silo)>> ActivationsAsync()
    {
        var statistics = await AskAsync(management => management.GetDetailedGrainStatistics());
        return [.. statistics.Where(grain => grain.GrainType.StartsWith("GongGrid.", StringComparison.Ordinal)).Select(grain => (grain.GrainId, grain.SiloAddress))];
    }

    /// <summary>How many silos the membership table lists as active.</summary>
    public async Task<int> ActiveSiloCountAsync() => (await AskAsync(management => management.GetHosts(onlyActive: true))).Count;

    public async Task ConnectManagementAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        _clientDatabase = PostgresDatabase.Open(ConnectionString);
        builder.UseOrleansClient(client => client
            .UsePostgresClustering(_clientDatabase)
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "cluster-test";
                options.ServiceId = "gonggrid";
            }));
        _client = builder.Build();
        await _client.StartAsync();
    }

    public string Describe() => string.Join('\n', Silos.Select(silo => silo.Process.Describe()));

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
        if (_clientDatabase is not null)
        {
            await _clientDatabase.DisposeAsync();
        }
        foreach (var silo in Silos)
        {
            await ThawAsync(silo);
            await silo.DisposeAsync();
        }
    }

    /// <summary>The Orleans client of <see cref="ConnectManagementAsync"/>.</summary>
    public IClusterClient Client =>
        (_client ?? throw new InvalidOperationException("ConnectManagementAsync first.")).Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Asks the management grain, again while the client's gateway or the grain's silo is one just killed (the client
    /// learns of a dead gateway only when a call to it fails).
    /// </summary>
    private async Task<T> AskAsync<T>(Func<IManagementGrain, Task<T>> ask)
    {
        // A question routed through a frozen silo gets no answer until Orleans's 30 s response timeout; each try
        // gives up much sooner and asks again, by then through a gateway that answers.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await ask(Client.GetGrain<IManagementGrain>(0)).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception error) when (error is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
