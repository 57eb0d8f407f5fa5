using System.Globalization;
using System.Text.RegularExpressions;
using GongGrid.Testing.Metrics;

namespace GongGrid.Testing.Processes;

/// <summary>
/// What the bridge is started with. The same data directory again after a kill is a restart; bridges sharing a
/// broker need their own <paramref name="ClientId"/>, since the broker keeps one session per client id.
/// </summary>
public sealed record BridgeSetup(
    IReadOnlyList<string> Villages, int BrokerPort, string GridAddress, string Token, string DataDirectory, string ClientId = "gonggrid-bridge",
    IReadOnlyList<string>? GridAddresses = null);

/// <summary>
/// The edge bridge as an operator runs it (<c>dotnet GongGrid.EdgeBridge.dll --GongGrid:Bridge:…</c>), in its own
/// process, with its metrics page on a port of its choosing and quick uplink retries (so a test waits seconds,
/// not the minute a real bridge backs off to).
/// </summary>
public sealed partial class BridgeProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private BridgeProcess(ChildProcess process, string readyLine)
    {
        Process = process;
        ReadyLine = readyLine;
        var ready = ReadyPattern().Match(readyLine);
        if (!ready.Success)
        {
            throw new InvalidOperationException($"Unexpected first line from the bridge: {readyLine}");
        }
        JournalDepthAtStart = long.Parse(ready.Groups["depth"].Value, CultureInfo.InvariantCulture);
        MetricsAddress = new Uri(new Uri(ready.Groups["metrics"].Value), "/metrics");
    }

    public ChildProcess Process { get; }

    /// <summary>The "bridge for …" line it prints once running.</summary>
    public string ReadyLine { get; }

    /// <summary>Events found in the journal at start: those a previous run journaled and the grid never acknowledged.</summary>
    public long JournalDepthAtStart { get; }

    public Uri MetricsAddress { get; }

    public static async Task<BridgeProcess> StartAsync(BridgeSetup setup)
    {
        var arguments = new List<string>
        {
            $"--GongGrid:Bridge:Broker:Port={setup.BrokerPort}",
            $"--GongGrid:Bridge:Grid:Address={setup.GridAddress}",
            $"--GongGrid:Bridge:Broker:ClientId={setup.ClientId}",
            $"--GongGrid:Bridge:Grid:Token={setup.Token}",
            "--GongGrid:Bridge:Grid:ReconnectDelayMin=00:00:00.200",
            "--GongGrid:Bridge:Grid:ReconnectDelayMax=00:00:01",
            $"--GongGrid:Bridge:DataDirectory={setup.DataDirectory}",
            "--GongGrid:Bridge:MetricsListen=http://127.0.0.1:0",
        };
        arguments.AddRange(setup.Villages.Select((village, index) => $"--GongGrid:Bridge:Villages:{index}={village}"));
        arguments.AddRange((setup.GridAddresses ?? []).Select((address, index) => $"--GongGrid:Bridge:Grid:Addresses:{index}={address}"));
        var process = ChildProcess.StartDotnet("bridge", ProjectOutput.Find("src/EdgeBridge", "GongGrid.EdgeBridge.dll"), arguments);
        try
        {
            var ready = await process.WaitForLineAsync(line => line.StartsWith("bridge for ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return new BridgeProcess(process, ready);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The metrics page now, parsed.</summary>
    public async Task<BridgeMetricsPage> MetricsAsync() => BridgeMetricsPage.Parse(await Http.GetStringAsync(MetricsAddress));

    /// <summary>Polls the metrics page until <paramref name="done"/> holds; fails with the page and the bridge's log when it does not in time.</summary>
    public async Task<BridgeMetricsPage> MetricsUntilAsync(Func<BridgeMetricsPage, bool> done, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var page = await MetricsAsync();
            if (done(page))
            {
                return page;
            }
            if (DateTime.UtcNow > deadline || Process.HasExited)
            {
                throw new TimeoutException($"Gave up waiting until {what}. Metrics:\n{page.Text}\n{Process.Describe()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: the journal gets no chance to close, the broker session no DISCONNECT.</summary>
    public Task KillAsync() => Process.KillAsync();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"journal depth (?<depth>\d+), metrics (?<metrics>http://\S+)$")]
    private static partial Regex ReadyPattern();
}

/// <summary>One scrape of the bridge's Prometheus page.</summary>
public sealed class BridgeMetricsPage(PrometheusScrape scrape)
{
    public string Text => scrape.Text;

    public long Received => Value("gonggrid_bridge_events_received_total");

    public long Journaled => Value("gonggrid_bridge_events_journaled_total");

    public long Forwarded => Value("gonggrid_bridge_events_forwarded_total");

    public long Acknowledged => Value("gonggrid_bridge_events_acknowledged_total");

    public long Duplicates => Value("gonggrid_bridge_events_duplicate_total");

    public long JournalDepth => Value("gonggrid_bridge_journal_depth");

    public long Commands => Value("gonggrid_bridge_commands_total");

    public bool LinkUp => Value("gonggrid_bridge_link_up") == 1;

    public bool BrokerConnected => Value("gonggrid_bridge_broker_connected") == 1;

    /// <summary>Every rejection reason on the page with its count.</summary>
    public IReadOnlyDictionary<string, long> Rejected => scrape.Matching("gonggrid_bridge_events_rejected_total")
        .ToDictionary(sample => sample.Labels["reason"], sample => (long)sample.Value);

    public long RejectedFor(string reason) => Rejected.GetValueOrDefault(reason);

    public static BridgeMetricsPage Parse(string text) => new(PrometheusScrape.Parse(text));

    private long Value(string name) => (long)scrape.Sum(name);

    public override string ToString() =>
        $"received {Received}, journaled {Journaled}, forwarded {Forwarded}, acknowledged {Acknowledged} ({Duplicates} duplicates), journal depth {JournalDepth}, rejected [{string.Join(", ", Rejected.Select(pair => $"{pair.Key} {pair.Value}"))}]";
}
