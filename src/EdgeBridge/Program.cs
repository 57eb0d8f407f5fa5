using System.Runtime.InteropServices;
using GongGrid.EdgeBridge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// The village edge bridge: MQTT from the village broker into an on-disk journal, and on to the grid over gRPC.
// Settings: bridge.settings.json beside the binary (not appsettings.json, which the silo beside it may own), GongGrid__Bridge__* environment variables, --GongGrid:Bridge:… args.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("bridge.settings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = configuration.GetSection("GongGrid:Bridge").Get<BridgeOptions>() ?? new BridgeOptions();
using var logging = LoggerFactory.Create(builder => builder
    .AddConfiguration(configuration.GetSection("Logging"))
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, cancel) =>
{
    cancel.Cancel = true;
    stop.Cancel();
};

try
{
    using var bridge = new BridgeHost(options, logging, TimeProvider.System);
    await bridge.RunAsync(Console.WriteLine, stop.Token);
    return 0;
}
catch (Exception error) when (error is InvalidOperationException or IOException or UriFormatException)
{
    Console.Error.WriteLine($"gonggrid-bridge: {error.Message}");
    return 1;
}
