using GongGrid.Silo.Commands;

// GongGrid silo: `demo` (the default) plays a simulated night on the embedded store; `serve` runs the gRPC API;
// the other commands work on a data directory: import a roster, ingest device events, report a night, issue a token.
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
        "serve" => await ServeCommand.RunAsync(commandArgs, Console.Out, stop.Token),
        "token" => await TokenCommand.RunAsync(commandArgs, Console.Out),
        var unknown => Usage(unknown),
    };
}
catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException or IOException)
{
    Console.Error.WriteLine($"gonggrid: {error.Message}");
    return 1;
}

static int Usage(string command)
{
    Console.Error.WriteLine($"gonggrid: unknown command '{command}'. Commands: demo, serve, import ROSTER.json, ingest EVENTS.jsonl, report DISTRICT, token.");
    return 2;
}
