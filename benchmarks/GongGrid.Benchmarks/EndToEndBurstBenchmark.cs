using System.Diagnostics;
using System.Globalization;
using GongGrid.EdgeBridge;
using GongGrid.EdgeBridge.Broker;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
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
/// The `mqtt-e2e` scenario: the 22:00 burst (a full peace round from the first gongs of every village) published
/// at QoS 1 by 8 device connections to mosquitto, through edge bridges (journal fsync, gRPC ingest stream) into
/// an in-memory silo, timed until the grid acknowledged every strike. Beside it, in the same run, the same traffic
/// from the same publishers to `mosquitto_sub -q 1 > /dev/null`: the broker's raw rate on this machine. Each is
/// timed after an untimed warm-up burst of a tenth of the strikes under other event ids.
/// GONGGRID_BENCH_DISTRICTS sets the size (100 districts of 100 villages by default; 700 is the national night),
/// GONGGRID_BENCH_BRIDGES the number of bridges sharing the districts (1 by default) and GONGGRID_BENCH_GONGS the
/// gongs striking in each village (1 by default; 3 gives the national burst of 1.8 M strikes at 700 districts).
/// </summary>
internal static class EndToEndBurstBenchmark
{
    private const int Publishers = 8;

    public static async Task RunAsync()
    {
        var districts = Setting("GONGGRID_BENCH_DISTRICTS", 100);
        var bridgeCount = Setting("GONGGRID_BENCH_BRIDGES", 1);
        var gongs = Setting("GONGGRID_BENCH_GONGS", 1);
        var nation = PeaceRounds.WithGongs(SyntheticNation.Create(districts, 10, 10, 10, seed: 22), gongs);
        var plan = PeaceRounds.Plan(nation, GridSilo.PeaceTime, gongs: gongs)
            .SelectMany(round => round.Strikes.Select(strike => new PlannedEvent(GridSilo.PeaceTime.AddMinutes(-10), round.DeviceKey, strike)))
            .ToList();
        Report.Heading($"mqtt-e2e: 22:00 burst of {plan.Count:N0} strikes ({nation.Count * 100:N0} villages, {gongs} gong(s) each), {Publishers} publishers, {bridgeCount} bridge(s), QoS 1");
        await using var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000 });
        // A tenth of the burst goes first, under other event ids and untimed, so that the publishers, the bridges and
        // the grid run optimised code (tiered compilation) when the clock starts, as they do at 22:00 after a day up.
        var warmUp = plan.Where((_, index) => index % 10 == 0)
            .Select(planned => planned with { Event = planned.Event with { EventId = $"warm-up/{planned.Event.EventId}" } })
            .ToList();

        var raw = await RawBrokerRateAsync(broker, warmUp, plan);
        var (published, journaled, endToEnd, elapsed) = await EndToEndRateAsync(broker, nation, warmUp, plan, bridgeCount);
        Report.Figure("raw broker: publish to mosquitto_sub -q 1, events/s", raw, "/s");
        Report.Figure("publishes acknowledged by the broker (bridge subscribed), events/s", published, "/s");
        Report.Figure("publish to fsynced in the bridge's journal, events/s", journaled, "/s");
        Report.Figure("end to end: publish to grid acknowledgement, events/s", endToEnd, "/s");
        Console.WriteLine($"  end-to-end / raw broker: {endToEnd / raw:F2}; {plan.Count:N0} strikes absorbed in {elapsed.TotalSeconds:F1} s; 1.8 M at this rate: {1_800_000 / endToEnd:F0} s");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    /// <summary>The plan published by the same device connections to the broker, with only `mosquitto_sub -q 1` subscribed.</summary>
    private static async Task<double> RawBrokerRateAsync(MosquittoBroker broker, IReadOnlyList<PlannedEvent> warmUp, IReadOnlyList<PlannedEvent> plan)
    {
        var devices = await DeviceConnections.ConnectAsync(broker.Host, broker.Port, Publishers, "raw", BufferedReadConnection.Provider, CancellationToken.None);
        await MqttNightPlayer.RunAsync(warmUp, devices, TimeProvider.System, CancellationToken.None);
        var subscriber = Process.Start(new ProcessStartInfo(MosquittoBroker.FindExecutable("mosquitto_sub"),
            ["-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", "gonggrid/v1/#", "-C", plan.Count.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true })!;
        var draining = subscriber.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        await Task.Delay(500);
        var stopwatch = Stopwatch.StartNew();
        await MqttNightPlayer.RunAsync(plan, devices, TimeProvider.System, CancellationToken.None);
        await subscriber.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        await draining;
        await DeviceConnections.DisconnectAsync(devices);
        return plan.Count / elapsed.TotalSeconds;
    }

    private static async Task<(double Published, double Journaled, double EndToEnd, TimeSpan Elapsed)> EndToEndRateAsync(
        MosquittoBroker broker, IReadOnlyList<DistrictRoster> nation, IReadOnlyList<PlannedEvent> warmUp, IReadOnlyList<PlannedEvent> plan, int bridgeCount)
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
        while (bridges.Any(bridge => !bridge.Metrics.LinkUp || !bridge.Metrics.BrokerConnected))
        {
            await Task.Delay(50);
        }

        var devices = await DeviceConnections.ConnectAsync(broker.Host, broker.Port, Publishers, "devices", BufferedReadConnection.Provider, CancellationToken.None);
        await MqttNightPlayer.RunAsync(warmUp, devices, clock, CancellationToken.None);
        await UntilAsync(() => bridges.Sum(bridge => bridge.Metrics.Acknowledged) >= warmUp.Count);

        var stopwatch = Stopwatch.StartNew();
        await MqttNightPlayer.RunAsync(plan, devices, clock, CancellationToken.None);
        var published = plan.Count / stopwatch.Elapsed.TotalSeconds;
        await UntilAsync(() => bridges.Sum(bridge => bridge.Metrics.Journaled) >= warmUp.Count + plan.Count);
        var journaled = plan.Count / stopwatch.Elapsed.TotalSeconds;
        await UntilAsync(() => bridges.Sum(bridge => bridge.Metrics.Acknowledged) >= warmUp.Count + plan.Count);

        var elapsed = stopwatch.Elapsed;
        await DeviceConnections.DisconnectAsync(devices);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        data.Delete(recursive: true);
        return (published, journaled, plan.Count / elapsed.TotalSeconds, elapsed);
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        while (!done())
        {
            await Task.Delay(10);
        }
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

}
