using System.Security.Cryptography;
using System.Text;
using GongGrid.Api.V1;
using GongGrid.Testing.Processes;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>What the silo is started with: the villages the bridge's token covers, its port, its storage.</summary>
/// <param name="Port">0 lets the silo choose; a fixed port lets a bridge find a silo that starts later or restarts.</param>
/// <param name="DataDirectory">Required with sqlite storage; the same directory again after a kill restores the grid.</param>
/// <param name="ImportRoster">Off when restarting on a data directory that already holds the roster.</param>
/// <param name="CertificatePath">A .pfx for the silo to serve TLS with (https://) instead of h2c.</param>
internal sealed record GridSiloSetup(
    IReadOnlyList<string> BridgeVillages,
    int Port = 0,
    string Storage = "memory",
    string? DataDirectory = null,
    bool ImportRoster = true,
    string? CertificatePath = null);

/// <summary>
/// The silo as a child process (<c>GongGrid.Silo.dll serve</c>) with the sample roster, the tests' clock, an
/// edge-bridge token for the bridge's villages and a district-police token to ask what the grid now knows.
/// </summary>
internal sealed class GridSilo : IAsyncDisposable
{
    public const string BridgeToken = "bridge-token-for-process-tests";
    public const string PoliceToken = "police-token-for-process-tests";

    private readonly GrpcChannel _channel;

    private GridSilo(ChildProcess process, Uri address)
    {
        Process = process;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        District = new DistrictService.DistrictServiceClient(_channel);
        Alarms = new AlarmService.AlarmServiceClient(_channel);
    }

    public ChildProcess Process { get; }

    public Uri Address { get; }

    public DistrictService.DistrictServiceClient District { get; }

    public AlarmService.AlarmServiceClient Alarms { get; }

    public static CallOptions Police => new([new("authorization", $"Bearer {PoliceToken}")], DateTime.UtcNow.AddSeconds(20));

    public static async Task<GridSilo> StartAsync(GridSiloSetup setup)
    {
        var arguments = new List<string>
        {
            "serve",
            $"--storage={setup.Storage}",
            $"--listen={(setup.CertificatePath is null ? "http" : "https")}://127.0.0.1:{setup.Port}",
            $"--clock={TonightInTheTests.SiloClock}",
            "--speed=1",
            $"--GongGrid:Api:Tokens:0:Sha256={Sha256(BridgeToken)}",
            "--GongGrid:Api:Tokens:0:Name=test-bridge",
            "--GongGrid:Api:Tokens:0:Role=EdgeBridge",
            $"--GongGrid:Api:Tokens:1:Sha256={Sha256(PoliceToken)}",
            "--GongGrid:Api:Tokens:1:Name=test-police",
            "--GongGrid:Api:Tokens:1:Role=DistrictPolice",
            "--GongGrid:Api:Tokens:1:Scopes:0=ngoc-lac",
        };
        arguments.AddRange(setup.BridgeVillages.Select((village, index) => $"--GongGrid:Api:Tokens:0:Scopes:{index}={village}"));
        if (setup.CertificatePath is { } certificate)
        {
            arguments.Add($"--GongGrid:Api:CertificatePath={certificate}");
        }

        if (setup.DataDirectory is { } data)
        {
            arguments.Add($"--data={data}");
        }
        if (setup.ImportRoster)
        {
            arguments.Add($"--roster={ProjectOutput.RepositoryFile("samples/ngoc-lac.roster.json")}");
        }

        var process = ChildProcess.StartDotnet("silo", ProjectOutput.Find("src/Silo", "GongGrid.Silo.dll"), arguments);
        try
        {
            var ready = await process.WaitForLineAsync(line => line.StartsWith("serving gRPC on ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var address = ready["serving gRPC on ".Length..].Split(' ')[0];
            return new GridSilo(process, new Uri(address));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Tonight's strike count of each village of a commune, as the commune grain holds it.</summary>
    public async Task<Dictionary<string, int>> StrikeCountsAsync(string communeKey)
    {
        var detail = await District.GetCommuneDetailAsync(new CommuneDetailRequest { CommuneKey = communeKey, Night = TonightInTheTests.Night }, Police);
        return detail.Villages.ToDictionary(village => village.VillageKey, village => village.Outcome?.StrikeCount ?? 0);
    }

    /// <summary>SIGKILL: nothing in the silo gets to flush or close.</summary>
    public Task KillAsync() => Process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Process.DisposeAsync();
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
