using System.Diagnostics;
using System.Net;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using GongGrid.Testing.Cluster;
using GongGrid.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GongGrid.Benchmarks;

/// <summary>
/// The grid as a cluster of silo processes on one throwaway PostgreSQL, on this machine: the 22:00 burst of the sample
/// district ingested through 3 bridge streams and the night summary asked through the gRPC API, with 1, 2 and 3 silos;
/// how long after a kill -9 a commune of the killed silo answers again (median of 5 kills); and what a grain call
/// costs when it crosses from the gateway's silo to another, against one that stays on it. All processes share the
/// machine's cores, so more silos add coordination, not cores.
/// </summary>
internal static class ClusterBenchmark
{
    private const int Passes = 3;
    private const int SummaryCalls = 300;
    private const int Kills = 5;
    private const int Calls = 2000;

    public static async Task RunAsync()
    {
        Report.Heading("cluster on PostgreSQL: silo processes, gRPC ingest and summary, failover, cross-silo calls");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        for (var silos = 1; silos <= 3; silos++)
        {
            await using var cluster = await SiloCluster.StartAsync(postgres, silos);
            await IngestAndSummaryAsync(cluster, silos);
        }
        await FailoverAndCrossingAsync(postgres);
    }

    /// <summary>Only the failover and cross-silo figures (`cluster-failover`), which take a minute rather than several.</summary>
    public static async Task RunFailoverAsync()
    {
        Report.Heading("cluster on PostgreSQL: failover after kill -9, cross-silo calls");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await FailoverAndCrossingAsync(postgres);
    }

    private static async Task FailoverAndCrossingAsync(ThrowawayPostgres postgres)
    {
        await using var cluster = await SiloCluster.StartAsync(postgres, 3);
        await cluster.ConnectManagementAsync();
        await CrossSiloCallsAsync(cluster);
        await FailoverAsync(cluster);
    }

    private static async Task IngestAndSummaryAsync(SiloCluster cluster, int silos)
    {
        var rates = new List<double>();
        for (var pass = 0; pass <= Passes; pass++)
        {
            var batches = PeaceTraffic.Batches(pass: $"p{pass}-");
            var senders = FailoverSender.Bridges(cluster);
            var clock = Stopwatch.StartNew();
            await FailoverSender.SendSharedAsync(senders, batches);
            if (pass > 0)
            {
                rates.Add(batches.Sum(batch => batch.Length) / clock.Elapsed.TotalSeconds);
            }
        }
        Report.Figure($"ingest with {silos} silo(s), 3 streams, batches of 40", Report.Median(rates), "events/s", rates);

        var latencies = new List<double>();
        for (var call = 0; call < SummaryCalls; call++)
        {
            var clock = Stopwatch.StartNew();
            await cluster.Silos[call % silos].NightSummaryAsync();
            latencies.Add(clock.Elapsed.TotalMicroseconds);
        }
        latencies.Sort();
        Report.Figure($"night summary with {silos} silo(s), 1 caller: p50 / p99", Report.Median(latencies), $"µs / {latencies[(int)(latencies.Count * 0.99)]:N0} µs");
    }

    /// <summary>Kill -9 the silo a commune is active on; time until that commune answers through another silo.</summary>
    private static async Task FailoverAsync(SiloCluster cluster)
    {
        var times = new List<double>();
        foreach (var commune in PeaceTraffic.CommuneKeys.Take(Kills))
        {
            await cluster.Live[0].District.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = commune, Night = TonightInTheCluster.Night }, ClusterSilo.Police());
            var host = (await cluster.ActivationsAsync()).First(activation => activation.Grain.ToString().EndsWith(commune, StringComparison.Ordinal)).Silo;
            var victim = cluster.Live.First(silo => silo.SiloPort == host.Endpoint.Port);
            var asker = cluster.Live.First(silo => silo != victim);
            var clock = Stopwatch.StartNew();
            await victim.Process.KillAsync();
            while (true)
            {
                try
                {
                    await asker.District.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = commune, Night = TonightInTheCluster.Night }, ClusterSilo.Police(TimeSpan.FromSeconds(2)));
                    break;
                }
                catch (Grpc.Core.RpcException)
                {
                    await Task.Delay(20);
                }
            }
            times.Add(clock.Elapsed.TotalSeconds);
            await cluster.AddSiloAsync();
        }
        Report.Figure($"commune answering again after kill -9 of its silo ({Kills} kills)", Report.Median(times), "s", times);
    }

    /// <summary>A client pinned to one silo's gateway calls a commune active on that silo, then one active on another.</summary>
    private static async Task CrossSiloCallsAsync(SiloCluster cluster)
    {
        var gatewaySilo = cluster.Live[0];
        foreach (var commune in PeaceTraffic.CommuneKeys)
        {
            await gatewaySilo.District.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = commune, Night = TonightInTheCluster.Night }, ClusterSilo.Police());
        }
        var activations = await cluster.ActivationsAsync();
        var communes = activations.Where(activation => activation.Grain.Type.ToString() == "commune").ToList();
        var local = communes.FirstOrDefault(activation => activation.Silo.Endpoint.Port == gatewaySilo.SiloPort);
        var remote = communes.FirstOrDefault(activation => activation.Silo.Endpoint.Port != gatewaySilo.SiloPort);
        if (local.Grain.IsDefault || remote.Grain.IsDefault)
        {
            Console.WriteLine("  (no commune on each side of the gateway; cross-silo cost not measured)");
            return;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewaySilo.GatewayPort))
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "cluster-test";
                options.ServiceId = "gonggrid";
            }));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var (localMedian, remoteMedian) = await CallMediansAsync(
            grains.GetGrain<ICommuneGrain>(local.Grain.Key.ToString()!), grains.GetGrain<ICommuneGrain>(remote.Grain.Key.ToString()!));
        await host.StopAsync();
        Report.Figure("grain call through a gateway: on the gateway's silo / another", localMedian, $"µs / {remoteMedian:N1} µs (+{remoteMedian - localMedian:N1} µs per crossing)");
    }

    /// <summary>Calls the two communes in turn, so the machine's load drifts over both alike; the first tenth warms up.</summary>
    private static async Task<(double Local, double Remote)> CallMediansAsync(ICommuneGrain local, ICommuneGrain remote)
    {
        var (localLatencies, remoteLatencies) = (new List<double>(), new List<double>());
        for (var call = 0; call < Calls; call++)
        {
            localLatencies.Add(await TimeAsync(local));
            remoteLatencies.Add(await TimeAsync(remote));
        }
        return (Report.Median(localLatencies.Skip(Calls / 10)), Report.Median(remoteLatencies.Skip(Calls / 10)));
    }

    private static async Task<double> TimeAsync(ICommuneGrain commune)
    {
        var clock = Stopwatch.StartNew();
        await commune.GetSetupAsync();
        return clock.Elapsed.TotalMicroseconds;
    }
}
