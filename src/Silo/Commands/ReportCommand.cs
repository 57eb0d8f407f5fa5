using System.Text.Json;
using System.Text.Json.Serialization;
using GongGrid.Grains.Rules;
using GongGrid.Silo.Hosting;
using GongGrid.Silo.Output;

namespace GongGrid.Silo.Commands;

/// <summary><c>report DISTRICT [--night yyyy-MM-dd] [--json]</c>: the night report from stored grain state.</summary>
public static class ReportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            await output.WriteLineAsync("usage: report DISTRICT [--night yyyy-MM-dd] [--json] [--data DIR] [--clock INSTANT]");
            return 2;
        }
        var clock = args.Clock();
        await using var grid = await GridHost.StartAsync(args.HostArgs(), clock, cancellationToken);
        var setup = await grid.Grains.GetGrain<Grains.Interfaces.IDistrictGrain>(args.Positional[0]).GetSetupAsync();
        var night = args.Date("night") ?? NightCalendar.LatestNightClosedBy(clock.GetUtcNow(), setup.Settings);
        var report = await NightReportGatherer.GatherAsync(grid.Grains, setup.Key, night);
        if (args.Option("json") is not null)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            NightReportPrinter.Print(report, LocalTime.Zone(setup.Settings.TimeZone), output);
        }
        return 0;
    }
}
