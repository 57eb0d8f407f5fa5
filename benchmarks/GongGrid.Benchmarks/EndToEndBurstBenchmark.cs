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
/// at QoS 1 by 8 device connections to mosquitto, through one edge bridge (journal fsync, gRPC ingest stream) into
/// an in-memory silo, timed until the grid acknowledged every strike. Beside it, in the same run, the same traffic
/// from the same publishers to `mosquitto_sub -q 1 > /dev/null`: the broker's raw rate on this machine.
/// GONGGRID_BENCH_DISTRICTS sets the size (100 districts of 100 villages by default).
/// </summary>
internal static class EndToEndBurstBenchmark
{
    private const int Publishers = 8;

    public static async Task RunAsync()
    {
        var districts = int.TryParse(Environment.GetEnvironmentVariable("GONGGRID_BENCH_DISTRICTS"), out var count) ? count : 100;
        var nation = SyntheticNation.Create(districts, 10, 10, 10, seed: 22);
        var plan = PeaceRounds.Plan(nation, GridSilo.PeaceTime)
            .SelectMany(round => round.Strikes.Select(strike => new PlannedEvent(GridSilo.PeaceTime.AddMinutes(-10), round.DeviceKey, strike)))
            .ToList();
        Report.Heading($"mqtt-e2e: 22:00 burst of {plan.Count:N0} strikes ({nation.Count * 100:N0} villages), {Publishers} publishers, QoS 1");
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000 });

        var raw = await RawBrokerRateAsync(broker, plan);
        var (published, journaled, endToEnd) = await EndToEndRateAsync(broker, nation, plan);
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
        MosquittoBroker broker, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<PlannedEvent> plan)
    {
        var clock = new ManualTimeProvider(GridSilo.PeaceTime.AddSeconds(40));
        var villages = nation.SelectMany(district => district.Communes.SelectMany(commune =>
            commune.Villages.Select(village => $"{district.Key}/{commune.Slug}/{village.Slug}"))).ToList();
        var token = TokenHash.NewToken();
        string[] settings =
        [
            "--GongGrid:Storage=memory", "--GongGrid:Api:Listen=http://127.0.0.1:0", "--GongGrid:Api:MaxMessageBytes=16777216",
            $"--GongGrid:Api:Tokens:0:Sha256={TokenHash.Of(token)}", "--GongGrid:Api:Tokens:0:Name=bench", "--GongGrid:Api:Tokens:0:Role=EdgeBridge",
            .. villages.Select((village, index) => $"--GongGrid:Api:Tokens:0:Scopes:{index}={village}"),
        ];
        await using var grid = await GridHost.StartAsync(settings, clock, serveApi: true);
        foreach (var district in nation)
        {
            await new RosterImport(grid.Grains).ApplyAsync(district);
        }

        var data = Directory.CreateTempSubdirectory("gonggrid-e2e-");
        var bridge = new BridgeHost(
            new BridgeOptions
            {
                Villages = villages,
                Broker = new BrokerOptions { Port = broker.Port, ClientId = "bench-bridge", TopicFilters = [.. nation.Select(district => $"gonggrid/v1/{district.Key}/#")] },
                Grid = new() { Address = grid.ApiAddress!.ToString(), Token = token },
                DataDirectory = data.FullName,
                MetricsListen = "",
            },
            NullLoggerFactory.Instance,
            clock);
        using var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = bridge.RunAsync(_ => ready.TrySetResult(), stop.Token);
        await ready.Task;
        while (bridge.Metrics.Link != "up")
        {
            await Task.Delay(50);
        }

        var devices = await ConnectAsync(broker, "devices");
        var stopwatch = Stopwatch.StartNew();
        await MqttNightPlayer.RunAsync(plan, devices, clock, CancellationToken.None);
        var published = plan.Count / stopwatch.Elapsed.TotalSeconds;
        while (bridge.Metrics.Journaled < plan.Count)
        {
            await Task.Delay(10);
        }

        var journaled = plan.Count / stopwatch.Elapsed.TotalSeconds;
        while (bridge.Metrics.Acknowledged < plan.Count)
        {
            await Task.Delay(10);
        }

        var endToEnd = plan.Count / stopwatch.Elapsed.TotalSeconds;
        await DisposeAllAsync(devices);
        await stop.CancelAsync();
        await running;
        data.Delete(recursive: true);
        return (published, journaled, endToEnd);
    }

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
