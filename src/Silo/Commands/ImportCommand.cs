using GongGrid.Grains.Roster;
using GongGrid.Silo.Hosting;

namespace GongGrid.Silo.Commands;

/// <summary><c>import ROSTER.json</c>: validates a district roster and, only if it has no error at all, applies it.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            await output.WriteLineAsync("usage: import ROSTER.json [--data DIR]");
            return 2;
        }
        var read = RosterReader.ReadFile(args.Positional[0]);
        if (!read.IsValid)
        {
            foreach (var error in read.Errors)
            {
                await output.WriteLineAsync(error.ToString());
            }
            await output.WriteLineAsync($"{read.Errors.Count} error(s); nothing was imported.");
            return 1;
        }
        await using var grid = await GridHost.StartAsync(args.HostArgs(), args.Clock(), cancellationToken);
        var summary = await new RosterImport(grid.Grains).ApplyAsync(read.Roster!, cancellationToken);
        await output.WriteLineAsync($"Imported {summary.DistrictKey}: {summary.Communes} communes, {summary.Villages} villages, {summary.Devices} devices ({grid.StorageDescription}).");
        return 0;
    }
}
