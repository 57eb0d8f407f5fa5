using System.CommandLine;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Hosting;

namespace GongGrid.Silo.Commands;

/// <summary><c>import ROSTER.json</c>: validates a district roster and, only if it has no error at all, applies it.</summary>
public sealed class ImportCommand : Command
{
    private readonly Argument<string> _roster = new("ROSTER.json") { Description = "The district roster file (docs/roster.md)." };
    private readonly HostOptions _host = new();

    public ImportCommand()
        : base("import", "Validates a district roster and, only if it has no error at all, applies it.")
    {
        Arguments.Add(_roster);
        _host.AddTo(this);
        SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var read = RosterReader.ReadFile(parsed.GetRequiredValue(_roster));
        if (!read.IsValid)
        {
            foreach (var error in read.Errors)
            {
                await output.WriteLineAsync(error.ToString());
            }
            await output.WriteLineAsync($"{read.Errors.Count} error(s); nothing was imported.");
            return 1;
        }
        await using var grid = await GridHost.StartAsync(_host.HostArgs(parsed), _host.Clock(parsed), cancellationToken);
        var summary = await new RosterImport(grid.Grains).ApplyAsync(read.Roster!, cancellationToken);
        await output.WriteLineAsync($"Imported {summary.DistrictKey}: {summary.Communes} communes, {summary.Villages} villages, {summary.Devices} devices ({grid.StorageDescription}).");
        return 0;
    }
}
