using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace GongGrid.Interop.Tests.Support;

/// <summary>
/// <c>dotnet GongGrid.EdgeBridge.dll</c> as an operator runs it, configured with --GongGrid:Bridge:… arguments, its
/// own data directory and metrics port. The test project references src/EdgeBridge, so its build output lies beside
/// the test assembly. The bridge logs to standard error; that is kept for failure messages.
/// </summary>
public sealed partial class BridgeProcess : IAsyncDisposable
{
    private const string ReadyLine = "bridge for ";

    /// <summary>Far longer than the test runs; only stops a bridge a failed test left behind.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private static readonly string BridgeDll = Path.Combine(AppContext.BaseDirectory, "GongGrid.EdgeBridge.dll");

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly CancellationTokenSource _deadline = new(Deadline);
    private readonly CancellationTokenRegistration _killAtDeadline;

    private BridgeProcess(Process process, string metricsUrl, ConcurrentQueue<string> log)
    {
        _process = process;
        _log = log;
        MetricsUrl = metricsUrl;
        _killAtDeadline = _deadline.Token.Register(Kill);
    }

    /// <summary>The bridge's Prometheus page, http://127.0.0.1:PORT/metrics.</summary>
    public string MetricsUrl { get; }

    /// <summary>What the bridge printed and logged so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Starts a bridge for <paramref name="village"/> and waits for its "bridge for …" line.</summary>
    public static async Task<BridgeProcess> StartAsync(string village, int brokerPort, string gridAddress, string token, string dataDirectory)
    {
        var metricsUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        string[] args =
        [
            BridgeDll,
            $"--GongGrid:Bridge:Villages:0={village}",
            $"--GongGrid:Bridge:Broker:Port={brokerPort}",
            $"--GongGrid:Bridge:Broker:ClientId=gonggrid-bridge-{village.Replace('/', '-')}",
            $"--GongGrid:Bridge:Grid:Address={gridAddress}",
            $"--GongGrid:Bridge:Grid:Token={token}",
            $"--GongGrid:Bridge:DataDirectory={dataDirectory}",
            $"--GongGrid:Bridge:MetricsListen={metricsUrl}",
            "--Logging:LogLevel:GongGrid=Information",
        ];
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the bridge {BridgeDll}.");

        // Standard error (the bridge's log) is read as it comes; standard output until the bridge says it runs.
        var log = new ConcurrentQueue<string>();
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } logged)
            {
                log.Enqueue(logged);
            }
        });
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            log.Enqueue(line);
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                break;
            }
        }

        if (line is null)
        {
            await process.WaitForExitAsync();
            await errors;
            var message = $"The bridge for {village} ended before it ran (exit code {process.ExitCode}):\n{string.Join('\n', log)}";
            process.Dispose();
            throw new InvalidOperationException(message);
        }

        var bridge = new BridgeProcess(process, $"{metricsUrl}/metrics", log);
        _ = bridge.DrainOutputAsync();
        return bridge;
    }

    /// <summary>The metrics page now, as sample name (with labels) to value.</summary>
    public async Task<IReadOnlyDictionary<string, double>> MetricsAsync()
    {
        var text = await Http.GetStringAsync(MetricsUrl);
        return SampleLine().Matches(text).ToDictionary(
            match => match.Groups["name"].Value,
            match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Waits (10 s at most) until the bridge's uplink stream to the grid is open.</summary>
    public async Task WaitForLinkUpAsync()
    {
        var metrics = await GongGrid.Testing.Eventually.Until(MetricsAsync, sample => sample.ContainsKey("gonggrid_bridge_link_up{state=\"up\"}"), TimeSpan.FromSeconds(10));
        if (!metrics.ContainsKey("gonggrid_bridge_link_up{state=\"up\"}"))
        {
            throw new TimeoutException($"The bridge's uplink did not come up within 10 s.\n{Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _killAtDeadline.DisposeAsync();
        Kill();
        await _process.WaitForExitAsync();
        _deadline.Dispose();
        _process.Dispose();
    }

    private async Task DrainOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Keep(line);
        }
    }

    private void Keep(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _log.Enqueue(text);
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+(\{[^}]*\})?) (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
