using System.Runtime.InteropServices;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Hosting;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>serve</c>: runs the silo with the gRPC API until Ctrl-C or SIGTERM, on real time (or --clock/--speed).
/// <c>--roster FILE</c> imports a roster first; <c>--listen URL</c> overrides GongGrid:Api:Listen.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        var hostArgs = args.HostArgs().ToList();
        if (args.Option("listen") is { } listen)
        {
            hostArgs.Add($"--GongGrid:Api:Listen={listen}");
        }

        await using var grid = await GridHost.StartAsync([.. hostArgs], args.Clock(), serveApi: true, cancellationToken);
        if (args.Option("roster") is { } rosterPath)
        {
            var summary = await new RosterImport(grid.Grains).ApplyAsync(RosterReader.ReadFile(rosterPath).GetRosterOrThrow(), cancellationToken);
            await output.WriteLineAsync($"Imported {summary.DistrictKey}: {summary.Communes} communes, {summary.Villages} villages, {summary.Devices} devices.");
        }

        // Scripts and tests wait for this line, and read the port from it when the configuration asked for port 0.
        await output.WriteLineAsync($"serving gRPC on {grid.ApiAddress} ({grid.StorageDescription})");
        await output.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("stopping");
        }

        return 0;
    }
}
