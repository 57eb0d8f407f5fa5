using System.CommandLine;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Rules;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Demo;
using GongGrid.Silo.Hosting;
using GongGrid.Silo.Output;
using GongGrid.Simulator.Night;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>demo</c>: imports the sample district into a fresh embedded store, plays tonight from 20:59 to the close of
/// the window at 120 times real speed (about a minute) with simulated devices, and prints the night report. With
/// mosquitto installed the devices go the whole way (broker, edge bridge, gRPC ingest); --direct skips it.
/// </summary>
public sealed class DemoCommand : Command
{
    private readonly Option<string?> _roster = new("--roster") { Description = "The district to play (default: the sample district, samples/ngoc-lac.roster.json).", HelpName = "FILE" };
    private readonly Option<DateOnly?> _night = CheckedOption.Date("--night", "The night to play (default: tonight in the district's time zone).");
    private readonly Option<int> _seed = CheckedOption.WholeNumber("--seed", "Seeds the simulated devices; the same seed plays the same night.");
    private readonly Option<bool> _direct = new("--direct") { Description = "Devices call the grid in-process, without mosquitto and an edge bridge." };
    private readonly HostOptions _host = new(defaultSpeed: 120);

    public DemoCommand()
        : base("demo", "Plays a simulated night on a fresh embedded store and prints the night report (the default command).")
    {
        _seed.DefaultValueFactory = _ => 2211;
        Options.Add(_roster);
        Options.Add(_night);
        Options.Add(_seed);
        Options.Add(_direct);
        _host.AddTo(this);
        SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var read = RosterReader.ReadFile(parsed.GetValue(_roster) ?? Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json"));
        if (!read.IsValid)
        {
            read.Errors.ToList().ForEach(error => output.WriteLine(error));
            return 1;
        }
        var roster = read.Roster!;
        var zone = LocalTime.Zone(roster.Settings.TimeZone);
        var night = parsed.GetValue(_night) ?? LocalTime.DateOf(TimeProvider.System.GetUtcNow(), zone);
        var window = NightCalendar.Window(night, roster.Settings);
        var clock = _host.Clock(parsed, window.OpensAt.AddMinutes(-1));
        var dataDirectory = _host.Data(parsed) ?? Path.Combine("data", "demo");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true); // a demo starts from an empty grid every time
        }

        await using var broker = parsed.GetValue(_direct) ? null : await LocalBroker.StartAsync(Path.Combine(dataDirectory, "broker"), cancellationToken);
        var villages = roster.Communes.SelectMany(commune => commune.Villages.Select(village => $"{roster.Key}/{commune.Slug}/{village.Slug}")).ToList();
        var bridgeToken = TokenHash.NewToken();
        var hostArgs = broker is null ? _host.HostArgs(parsed, dataDirectory) : [.. _host.HostArgs(parsed, dataDirectory), .. BridgeTokenSettings(bridgeToken, villages)];
        await using var grid = await GridHost.StartAsync(hostArgs, clock, serveApi: broker is not null, cancellationToken);
        var imported = await new RosterImport(grid.Grains).ApplyAsync(roster, cancellationToken);
        await output.WriteLineAsync($"GongGrid demo: {roster.Name} with {imported.Communes} communes, {imported.Villages} villages, {imported.Devices} devices; storage: {grid.StorageDescription}.");
        await output.WriteLineAsync(broker is null
            ? "Devices call the grid in-process (mosquitto is not installed, or --direct was given; apt-get install mosquitto for the whole path)."
            : $"Devices publish to mosquitto on 127.0.0.1:{broker.Port}; an edge bridge journals every event and forwards it to the silo's gRPC API on {grid.ApiAddress}.");
        var plan = NightPlan.For(roster, night, new NightMix(), seed: parsed.GetValue(_seed));
        await output.WriteLineAsync($"Playing the night of {night:yyyy-MM-dd}: {plan.Count} device events from 21:00 to 23:00 local time at {_host.Speed(parsed)}x speed.");

        using (new LiveTicker(grid.Grains, roster.Key, night, clock, zone, output))
        {
            await output.WriteLineAsync(broker is null
                ? Describe(await NightRunner.RunAsync(plan, new IngestSink(new DeviceEventIngest(grid.Grains)), clock, cancellationToken), plan.Count)
                : await MqttDemo.PlayAsync(broker, grid.ApiAddress!, bridgeToken, villages, plan, clock, dataDirectory, cancellationToken));
            await WaitForCloseAsync(grid, roster, window, clock, cancellationToken);
        }

        NightReportPrinter.Print(await NightReportGatherer.GatherAsync(grid.Grains, roster.Key, night), zone, output);
        return 0;
    }

    private static string Describe(NightRunReport run, int events) =>
        $"Devices sent {events} events: {run.Applied} applied, {run.Duplicates} duplicates ignored, {run.ClockSkewed} with skewed clocks corrected, {run.Refusals.Count} refused.";

    /// <summary>A token for the demo's bridge, scoped to every village, as `gonggrid token` would configure it.</summary>
    private static IEnumerable<string> BridgeTokenSettings(string token, IReadOnlyList<string> villages) =>
        new[] { $"--GongGrid:Api:Tokens:0:Sha256={TokenHash.Of(token)}", "--GongGrid:Api:Tokens:0:Name=demo bridge", "--GongGrid:Api:Tokens:0:Role=EdgeBridge", "--GongGrid:Api:Listen=http://127.0.0.1:0" }
            .Concat(villages.Select((village, index) => $"--GongGrid:Api:Tokens:0:Scopes:{index}={village}"));

    /// <summary>Waits for 23:00 local and for every village's night-close reminder to have finalised its night.</summary>
    private static async Task WaitForCloseAsync(GridHost grid, DistrictRoster roster, NightWindow window, TimeProvider clock, CancellationToken cancellationToken)
    {
        var untilClose = window.ClosesAt - clock.GetUtcNow();
        if (untilClose > TimeSpan.Zero)
        {
            await Task.Delay(untilClose, clock, cancellationToken);
        }
        var district = grid.Grains.GetGrain<Grains.Interfaces.IDistrictGrain>(roster.Key);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!(await district.GetNightSummaryAsync(window.Night)).IsFinal)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
