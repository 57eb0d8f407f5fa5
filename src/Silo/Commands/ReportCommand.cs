using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using GongGrid.Grains.Rules;
using GongGrid.Silo.Hosting;
using GongGrid.Silo.Output;

namespace GongGrid.Silo.Commands;

/// <summary><c>report DISTRICT [--night yyyy-MM-dd] [--json]</c>: the night report from stored grain state.</summary>
public sealed class ReportCommand : Command
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private readonly Argument<string> _district = new("DISTRICT") { Description = "The district's key, such as ngoc-lac." };
    private readonly Option<DateOnly?> _night = CheckedOption.Date("--night", "The night to report (default: the latest night closed).");
    private readonly Option<bool> _json = new("--json") { Description = "Print the report as JSON." };
    private readonly HostOptions _host = new();

    public ReportCommand()
        : base("report", "Prints a district's night report from the stored grain state.")
    {
        Arguments.Add(_district);
        Options.Add(_night);
        Options.Add(_json);
        _host.AddTo(this);
        SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = _host.Clock(parsed);
        await using var grid = await GridHost.StartAsync(_host.HostArgs(parsed), clock, cancellationToken);
        var setup = await grid.Grains.GetGrain<Grains.Interfaces.IDistrictGrain>(parsed.GetRequiredValue(_district)).GetSetupAsync();
        var night = parsed.GetValue(_night) ?? NightCalendar.LatestNightClosedBy(clock.GetUtcNow(), setup.Settings);
        var report = await NightReportGatherer.GatherAsync(grid.Grains, setup.Key, night);
        if (parsed.GetValue(_json))
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
