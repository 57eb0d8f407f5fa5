using System.Diagnostics;
using GongGrid.EdgeBridge;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Mqtt;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Hosting;
using GongGrid.Simulator;
using GongGrid.Simulator.Mqtt;
using GongGrid.Simulator.Night;
using GongGrid.Testing;
using GongGrid.Testing.Mosquitto;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `mqtt-e2e` scenario: the 22:00 burst (a full peace round from the first gong of every village) published
/// at QoS 1 by 8 device connections to mosquitto, through edge bridges (journal fsync, gRPC ingest stream) into
/// an in-memory silo, timed until the grid acknowledged every strike. Beside it, in the same run, the same traffic
/// from the same publishers to `mosquitto_sub -q 1 > /dev/null`: the broker's raw rate on this machine.
/// GONGGRID_BENCH_DISTRICTS sets the size (100 districts of 100 villages by default; 700 is the national night) and
/// GONGGRID_BENCH_BRIDGES the number of bridges sharing the districts (1 by default).
/// </summary>
internal static class EndToEndBurstBenchmark
{
    private const int Publishers = 8;

    public static async Task RunAsync()
    {
        var districts = int.TryParse(Environment.GetEnvironmentVariable("GONGGRID_BENCH_DISTRICTS"), out var count) ? count : 100;
        var bridgeCount = int.TryParse(Environment.GetEnvironmentVariable("GONGGRID_BENCH_BRIDGES"), out var bridgesWanted) ? bridgesWanted : 1;
        var nation = SyntheticNation.Create(districts, 10, 10, 10, seed: 22);
        var plan = PeaceRounds.Plan(nation, GridSilo.PeaceTime)
            .SelectMany(round => round.Strikes.Select(strike => new PlannedEvent(GridSilo.PeaceTime.AddMinutes(-10), round.DeviceKey, strike)))
            .ToList();
        Report.Heading($"mqtt-e2e: 22:00 burst of {plan.Count:N0} strikes ({nation.Count * 100:N0} villages), {Publishers} publishers, {bridgeCount} bridge(s), QoS 1");
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000 });

        var raw = await RawBrokerRateAsync(broker, plan);
        var (published, journaled, endToEnd) = await EndToEndRateAsync(broker, nation, plan, bridgeCount);
        Report.Figure("raw broker: publish to mosquitto_sub -q 1, events/s", raw, "/s");
        Report.Figure("publishes acknowledged by the broker (bridge subscribed), events/s", published, "/s");
        Report.Figure("publish to fsynced in the bridge's journal, events/s", journaled, "/s");
        Report.Figure("end to end: publish to grid acknowledgement, events/s", endToEnd, "/s");
        Console.WriteLine($"  end-to-end / raw broker: {endToEnd / raw:F2}; the national burst of 1.8 M strikes at this rate: {1_800_000 / endToEnd:F0} s");
    }

    private static async Task<double> RawBrokerRateAsync(MosquittoBroker broker, IReadOnlyList<PlannedEvent> plan)
    {
        var subscriber = Process.Start(new ProcessStartInfo(MosquittoBroker.FindExecutable("mosquitto_sub"),
            ["-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", "raw/#", "-C", plan.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true })!;
        var draining = subscriber.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        await Task.Delay(500);
        var devices = await ConnectAsync(broker, "raw");
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(plan.Select((planned, index) =>
            devices[index % Publishers].PublishAsync($"raw/{planned.DeviceKey}", DeviceEventJson.Format(planned.Event))));
        await subscriber.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        await draining;
        await DisposeAllAsync(devices);
        return plan.Count / elapsed.TotalSeconds;
    }

    private static async Task<(double Published, double Journaled, double EndToEnd)> EndToEndRateAsync(
        MosquittoBroker broker, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<PlannedEvent> plan, int bridgeCount)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddSeconds(40));
        // Each bridge serves every bridgeCount-th district, as the bridges of a province's villages share its grid.
        var shares = Enumerable.Range(0, bridgeCount)
            .Select(index => nation.Where((_, district) => district % bridgeCount == index).ToList())
            .Select(districts => (Districts: districts, Villages: VillagesOf(districts), Token: TokenHash.NewToken()))
            .ToList();
        string[] settings =
        [
            "--GongGrid:Storage=memory", "--GongGrid:Api:Listen=http://127.0.0.1:0", "--GongGrid:Api:MaxMessageBytes=16777216",
            .. shares.SelectMany((share, index) => TokenSettings(index, share.Token, share.Villages)),
        ];
        await using var grid = await GridHost.StartAsync(settings, clock, serveApi: true);
        foreach (var district in nation)
        {
            await new RosterImport(grid.Grains).ApplyAsync(district);
        }

        var data = Directory.CreateTempSubdirectory("gonggrid-e2e-");
        var bridges = shares.Select((share, index) => new BridgeHost(
            new BridgeOptions
            {
                Villages = share.Villages,
                Broker = new BrokerOptions { Port = broker.Port, ClientId = $"bench-bridge-{index}", TopicFilters = [.. share.Districts.Select(district => $"gonggrid/v1/{district.Key}/#")] },
                Grid = new() { Address = grid.ApiAddress!.ToString(), Token = share.Token },
                DataDirectory = Path.Combine(data.FullName, $"bridge-{index}"),
                MetricsListen = "",
            },
            NullLoggerFactory.Instance,
            clock)).ToList();
        using var stop = new CancellationTokenSource();
        var running = bridges.Select(bridge => bridge.RunAsync(_ => { }, stop.Token)).ToList();
        while (bridges.Any(bridge => bridge.Metrics.Link != "up"))
        {
            await Task.Delay(50);
        }

        var devices = await ConnectAsync(broker, "devices");
        var stopwatch = Stopwatch.StartNew();
        await MqttNightPlayer.RunAsync(plan, devices, clock, CancellationToken.None);
        var published = plan.Count / stopwatch.Elapsed.TotalSeconds;
        while (bridges.Sum(bridge => bridge.Metrics.Journaled) < plan.Count)
        {
            await Task.Delay(10);
        }

        var journaled = plan.Count / stopwatch.Elapsed.TotalSeconds;
        while (bridges.Sum(bridge => bridge.Metrics.Acknowledged) < plan.Count)
        {
            await Task.Delay(10);
        }

        var endToEnd = plan.Count / stopwatch.Elapsed.TotalSeconds;
        await DisposeAllAsync(devices);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        data.Delete(recursive: true);
        return (published, journaled, endToEnd);
    }

    private static List<string> VillagesOf(IEnumerable<DistrictRoster> districts) =>
        [.. districts.SelectMany(district => district.Communes.SelectMany(commune =>
            commune.Villages.Select(village => $"{district.Key}/{commune.Slug}/{village.Slug}")))];

    private static IEnumerable<string> TokenSettings(int index, string token, IReadOnlyList<string> villages) =>
        new[]
        {
            $"--GongGrid:Api:Tokens:{index}:Sha256={TokenHash.Of(token)}", $"--GongGrid:Api:Tokens:{index}:Name=bench bridge {index}",
            $"--GongGrid:Api:Tokens:{index}:Role=EdgeBridge",
        }.Concat(villages.Select((village, scope) => $"--GongGrid:Api:Tokens:{index}:Scopes:{scope}={village}"));

    private static async Task<List<MqttClient>> ConnectAsync(MosquittoBroker broker, string name)
    {
        var devices = new List<MqttClient>();
        for (var index = 0; index < Publishers; index++)
        {
            var device = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = $"{name}-{index}", MaxInFlight = 1000 });
            await device.ConnectAsync();
            devices.Add(device);
        }

        return devices;
    }

    private static async Task DisposeAllAsync(IEnumerable<MqttClient> devices)
    {
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }
    }
}
