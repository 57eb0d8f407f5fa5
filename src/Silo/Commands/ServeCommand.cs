using System.CommandLine;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Hosting;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>serve</c>: runs the silo with the gRPC API until Ctrl-C or SIGTERM, on real time (or --clock/--speed).
/// <c>--roster FILE</c> imports a roster first; <c>--listen URL</c> overrides GongGrid:Api:Listen.
/// </summary>
public sealed class ServeCommand : Command
{
    private readonly Option<string?> _roster = new("--roster") { Description = "Import this district roster before serving.", HelpName = "FILE" };
    private readonly Option<string?> _listen = new("--listen") { Description = "Where the gRPC API listens, such as http://127.0.0.1:50051 (GongGrid:Api:Listen).", HelpName = "URL" };
    private readonly HostOptions _host = new();

    public ServeCommand()
        : base("serve", "Runs the silo with its gRPC API until Ctrl-C or SIGTERM.")
    {
        Options.Add(_roster);
        Options.Add(_listen);
        _host.AddTo(this);
        SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken stop)
    {
        var hostArgs = _host.HostArgs(parsed).ToList();
        if (parsed.GetValue(_listen) is { } listen)
        {
            hostArgs.Add($"--GongGrid:Api:Listen={listen}");
        }

        await using var grid = await GridHost.StartAsync([.. hostArgs], _host.Clock(parsed), serveApi: true, stop);
        if (parsed.GetValue(_roster) is { } rosterPath)
        {
            var summary = await new RosterImport(grid.Grains).ApplyAsync(RosterReader.ReadFile(rosterPath).GetRosterOrThrow(), stop);
            await output.WriteLineAsync($"Imported {summary.DistrictKey}: {summary.Communes} communes, {summary.Villages} villages, {summary.Devices} devices.");
        }

        if (grid.DashboardAddress is { } dashboard)
        {
            await output.WriteLineAsync($"dashboard on {dashboard}");
        }
        if (grid.MetricsAddress is { } metrics)
        {
            await output.WriteLineAsync($"metrics for Prometheus on {metrics}");
        }
        if (grid.OrleansDashboardAddress is { } operators)
        {
            await output.WriteLineAsync($"Orleans dashboard for operators on {operators}");
        }

        // Scripts and tests wait for this line, and read the port from it when the configuration asked for port 0.
        await output.WriteLineAsync($"serving gRPC on {grid.ApiAddress} ({grid.StorageDescription})");
        await output.FlushAsync(stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("stopping");
        }

        return 0;
    }
}
