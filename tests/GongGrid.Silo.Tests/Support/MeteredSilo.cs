using GongGrid.Api.V1;
using GongGrid.Silo.Api.Security;
using GongGrid.Testing;
using GongGrid.Testing.Metrics;
using GongGrid.Testing.Network;
using Grpc.Core;
using Grpc.Net.Client;

namespace GongGrid.Silo.Tests.Support;

/// <summary>
/// <c>gonggrid serve</c> in its own process with its Prometheus page on: the sample district in memory, the grid's
/// clock from <see cref="ClockStart"/> at <see cref="Speed"/> times real time, a district police token and a bridge
/// token for the whole district, tonight's counts read from the grains every half second.
/// </summary>
public sealed class MeteredSilo : IAsyncDisposable
{
    public const string District = "ngoc-lac";
    public const double Speed = 60;

    public static readonly DateTimeOffset ClockStart = new(2026, 11, 22, 21, 57, 0, TimeSpan.FromHours(7));

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly ScratchDirectory _scratch;
    private readonly SiloProcess _process;
    private readonly DateTimeOffset _servingSince;

    private MeteredSilo(ScratchDirectory scratch, SiloProcess process, Uri api, Uri metrics, string policeToken, string bridgeToken)
    {
        _scratch = scratch;
        _process = process;
        _servingSince = DateTimeOffset.UtcNow;
        Channel = GrpcChannel.ForAddress(api);
        MetricsAddress = metrics;
        PoliceToken = policeToken;
        BridgeToken = bridgeToken;
    }

    public GrpcChannel Channel { get; }

    public Uri MetricsAddress { get; }

    public string PoliceToken { get; }

    public string BridgeToken { get; }

    /// <summary>
    /// No later than the grid's clock: the clock started before the silo said it was serving, so an event sent when
    /// this has passed its time is never in the grid's future.
    /// </summary>
    public DateTimeOffset GridClockAtLeast => ClockStart + ((DateTimeOffset.UtcNow - _servingSince) * Speed);

    public static async Task<MeteredSilo> StartAsync()
    {
        var police = TokenHash.NewToken();
        var bridge = TokenHash.NewToken();
        var environment = new Dictionary<string, string>
        {
            ["GongGrid__Api__Tokens__0__Sha256"] = TokenHash.Of(police),
            ["GongGrid__Api__Tokens__0__Name"] = "metrics test police",
            ["GongGrid__Api__Tokens__0__Role"] = nameof(CallerRole.DistrictPolice),
            ["GongGrid__Api__Tokens__0__Scopes__0"] = District,
            ["GongGrid__Api__Tokens__1__Sha256"] = TokenHash.Of(bridge),
            ["GongGrid__Api__Tokens__1__Name"] = "metrics test bridge",
            ["GongGrid__Api__Tokens__1__Role"] = nameof(CallerRole.EdgeBridge),
            ["GongGrid__Api__Tokens__1__Scopes__0"] = District,
            ["GongGrid__Metrics__Listen"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["GongGrid__Metrics__NightRefresh"] = "00:00:00.500",
        };
        var scratch = new ScratchDirectory();
        var process = SiloProcess.Start(scratch.Path, new SiloProcessOptions(environment, TimeSpan.FromMinutes(5)),
            "serve", "--storage", "memory", "--roster", Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json"),
            "--listen", "http://127.0.0.1:0", "--clock", ClockStart.ToString("O"), "--speed", Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Uri? metrics = null;
        while (await process.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("metrics for Prometheus on ", StringComparison.Ordinal))
            {
                metrics = new Uri(line["metrics for Prometheus on ".Length..]);
            }
            else if (line.StartsWith("serving gRPC on ", StringComparison.Ordinal) && metrics is not null)
            {
                return new MeteredSilo(scratch, process, new Uri(line["serving gRPC on ".Length..].Split(' ')[0]), metrics, police, bridge);
            }
        }

        var run = await process.WaitForExitAsync();
        await process.DisposeAsync();
        scratch.Dispose();
        throw new InvalidOperationException($"The silo ended before it served the API and its metrics: {run}");
    }

    public async Task<PrometheusScrape> ScrapeAsync() => PrometheusScrape.Parse(await Http.GetStringAsync(MetricsAddress));

    /// <summary>GET /healthz on the metrics port, as the image's HEALTHCHECK asks it.</summary>
    public async Task<System.Net.HttpStatusCode> HealthAsync() => (await Http.GetAsync(new Uri(MetricsAddress, "/healthz"))).StatusCode;

    /// <summary>A call as the holder of <paramref name="token"/>, with a deadline (30 s unless given).</summary>
    public static CallOptions As(string token, TimeSpan? deadline = null) =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30)));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _process.DisposeAsync();
        _scratch.Dispose();
    }
}
