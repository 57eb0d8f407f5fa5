using GongGrid.Api.V1;
using GongGrid.Silo.Api.Security;
using GongGrid.Testing.Network;
using GongGrid.Testing.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// One silo of the cluster as its own process (<c>GongGrid.Silo.dll serve --storage=postgres</c>): its gRPC API on a
/// free loopback port, an Orleans gateway on another (for the tests' management client), a bridge token and a police
/// token for the whole district. With <paramref name="postgres"/> null it is a silo on its own, in memory: the
/// reference the cluster's answers are compared with.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    public const string BridgeToken = "bridge-token-for-cluster-tests";
    public const string PoliceToken = "police-token-for-cluster-tests";

    private readonly GrpcChannel _channel;

    private ClusterSilo(string name, ChildProcess process, Uri address, int siloPort, int gatewayPort, Uri? metricsPage)
    {
        MetricsPage = metricsPage;
        Name = name;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Process = process;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        District = new DistrictService.DistrictServiceClient(_channel);
    }

    public string Name { get; }

    /// <summary>The port it talks to the other silos on: how Orleans's silo address names it.</summary>
    public int SiloPort { get; }

    /// <summary>The port of its Orleans gateway (0 for the reference silo, which has none).</summary>
    public int GatewayPort { get; }

    public ChildProcess Process { get; }

    /// <summary>Where its gRPC API listens.</summary>
    public Uri Address { get; }

    public GrpcChannel Channel => _channel;

    /// <summary>Its Prometheus page, when <see cref="SiloLaunch.Metrics"/> asked for one.</summary>
    public Uri? MetricsPage { get; }

    public DistrictService.DistrictServiceClient District { get; }

    public static CallOptions Police(TimeSpan? timeout = null) =>
        new([new("authorization", $"Bearer {PoliceToken}")], DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20)));

    public static async Task<ClusterSilo> StartAsync(string name, string? postgres, bool importRoster, SiloLaunch? launch = null)
    {
        launch ??= SiloLaunch.Default;
        var arguments = new List<string>
        {
            "serve",
            "--listen=http://127.0.0.1:0",
            $"--clock={launch.Clock}",
            "--speed=1",
            $"--GongGrid:Api:Tokens:0:Sha256={TokenHash.Of(BridgeToken)}",
            "--GongGrid:Api:Tokens:0:Name=cluster-test-bridge",
            "--GongGrid:Api:Tokens:0:Role=EdgeBridge",
            $"--GongGrid:Api:Tokens:0:Scopes:0={TonightInTheCluster.District}",
            $"--GongGrid:Api:Tokens:1:Sha256={TokenHash.Of(PoliceToken)}",
            "--GongGrid:Api:Tokens:1:Name=cluster-test-police",
            "--GongGrid:Api:Tokens:1:Role=DistrictPolice",
            $"--GongGrid:Api:Tokens:1:Scopes:0={TonightInTheCluster.District}",
            $"--GongGrid:ShutdownGrace={ClusterTimings.ShutdownGrace}",
        };
        var (siloPort, gatewayPort) = postgres is null ? (0, 0) : (FreeTcpPort.Next(), FreeTcpPort.Next());
        if (postgres is null)
        {
            arguments.Add("--storage=memory");
        }
        else
        {
            arguments.AddRange([
                "--storage=postgres", $"--GongGrid:Postgres={postgres}", "--GongGrid:ClusterId=cluster-test",
                $"--GongGrid:SiloPort={siloPort}", $"--GongGrid:GatewayPort={gatewayPort}"]);
        }
        if (importRoster)
        {
            arguments.Add($"--roster={launch.Roster}");
        }
        if (launch.Metrics)
        {
            arguments.Add($"--GongGrid:Metrics:Listen=http://127.0.0.1:{FreeTcpPort.Next()}");
        }
        arguments.AddRange(launch.Settings);

        var process = ChildProcess.StartDotnet(name, ProjectOutput.Find("src/Silo", "GongGrid.Silo.dll"), arguments, deadline: launch.Lifetime);
        try
        {
            const string Serving = "serving gRPC on ", Metrics = "metrics for Prometheus on ";
            var ready = await process.WaitForLineAsync(line => line.StartsWith(Serving, StringComparison.Ordinal), TimeSpan.FromSeconds(90));
            var metricsPage = process.Output.FirstOrDefault(line => line.StartsWith(Metrics, StringComparison.Ordinal)) is { } page ? new Uri(page[Metrics.Length..]) : null;
            return new ClusterSilo(name, process, new Uri(ready[Serving.Length..].Split(' ')[0]), siloPort, gatewayPort, metricsPage);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public Task<NightSummary> NightSummaryAsync() =>
        District.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = TonightInTheCluster.District, Night = TonightInTheCluster.Night }, Police()).ResponseAsync;

    /// <summary>Tonight's strike count of every village of the district, as the communes' grains hold them.</summary>
    public async Task<Dictionary<string, int>> StrikeCountsAsync()
    {
        var counts = new Dictionary<string, int>();
        foreach (var commune in PeaceTraffic.CommuneKeys)
        {
            var detail = await District.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = commune, Night = TonightInTheCluster.Night }, Police());
            foreach (var village in detail.Villages)
            {
                counts[village.VillageKey] = village.Outcome?.StrikeCount ?? 0;
            }
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Process.DisposeAsync();
    }
}
