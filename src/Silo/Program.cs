using GongGrid.Silo.Commands;

// GongGrid silo: `demo` (the default) plays a simulated night on the embedded store; the other commands work
// on a data directory: import a roster, ingest device events, report a night.
var command = args.FirstOrDefault() is { } first && !first.StartsWith("--", StringComparison.Ordinal) ? first : "demo";
var commandArgs = new CommandArgs(args.SkipWhile(word => word == command).ToList());
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, cancel) =>
{
    cancel.Cancel = true;
    stop.Cancel();
};
try
{
    return command switch
    {
        "demo" => await DemoCommand.RunAsync(commandArgs, Console.Out, stop.Token),
        "import" => await ImportCommand.RunAsync(commandArgs, Console.Out, stop.Token),
        "ingest" => await IngestCommand.RunAsync(commandArgs, Console.Out, stop.Token),
        "report" => await ReportCommand.RunAsync(commandArgs, Console.Out, stop.Token),
        var unknown => Usage(unknown),
    };
}
catch (Exception error) when (error is ArgumentException or InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"gonggrid: {error.Message}");
    return 1;
}

static int Usage(string command)
{
    Console.Error.WriteLine($"gonggrid: unknown command '{command}'. Commands: demo, import ROSTER.json, ingest EVENTS.jsonl, report DISTRICT.");
    return 2;
}
