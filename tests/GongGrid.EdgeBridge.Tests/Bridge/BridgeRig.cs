using System.Text.RegularExpressions;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Network;
using GongGrid.Testing.Processes;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// A village's edge as real processes: mosquitto, the silo (on a port fixed for the whole test, so it can start
/// late or restart where the bridge looks for it), and the bridge, each with its directory in one scratch
/// directory. Disposing kills whatever still runs and deletes the directory.
/// </summary>
internal sealed partial class BridgeRig : IAsyncDisposable
{
    private readonly List<BridgeProcess> _bridges = [];
    private readonly List<GridSilo> _silos = [];

    private BridgeRig(MosquittoBroker broker, IReadOnlyList<string> villages, string directory)
    {
        Broker = broker;
        Villages = villages;
        Directory = directory;
    }

    public MosquittoBroker Broker { get; }

    /// <summary>The villages the bridge serves (and its token covers).</summary>
    public IReadOnlyList<string> Villages { get; }

    public string Directory { get; }

    public int SiloPort { get; } = FreeTcpPort.Next();

    public GridSilo Silo => _silos.LastOrDefault() ?? throw new InvalidOperationException("No silo was started.");

    public BridgeProcess Bridge => _bridges.LastOrDefault() ?? throw new InvalidOperationException("No bridge was started.");

    private string BridgeData => Path.Combine(Directory, "bridge");

    private string SiloData => Path.Combine(Directory, "silo");

    /// <summary>A broker with room for bursts: up to 1,000 messages in flight to the bridge.</summary>
    public static async Task<BridgeRig> StartAsync(IReadOnlyList<string> villages, bool logPackets = false)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gonggrid-bridge-test-").FullName;
        var broker = await MosquittoBroker.StartAsync(new MosquittoOptions { MaxInflightMessages = 1000, LogPackets = logPackets });
        return new BridgeRig(broker, villages, directory);
    }

    /// <summary>Starts the silo; again after a kill, on the same port and (with sqlite) the same data, without importing the roster again.</summary>
    public async Task<GridSilo> StartSiloAsync(string storage = "memory")
    {
        var silo = await GridSilo.StartAsync(new GridSiloSetup(
            Villages, SiloPort, storage, storage == "sqlite" ? SiloData : null, ImportRoster: _silos.Count == 0));
        _silos.Add(silo);
        return silo;
    }

    /// <summary>
    /// Starts the bridge; again after a kill, on the same data directory (journal, device list). With
    /// <paramref name="gridAddresses"/> it is given that list of silos instead of the rig's silo alone.
    /// </summary>
    public async Task<BridgeProcess> StartBridgeAsync(IReadOnlyList<string>? gridAddresses = null)
    {
        var bridge = await BridgeProcess.StartAsync(new BridgeSetup(Villages, Broker.Port, $"http://127.0.0.1:{SiloPort}", GridSilo.BridgeToken, BridgeData, GridAddresses: gridAddresses));
        _bridges.Add(bridge);
        return bridge;
    }

    /// <summary>
    /// Starts the silo and the bridge, and waits until the bridge is connected both ways; the link is reported up
    /// only once the bridge holds the grid's list of its devices.
    /// </summary>
    public async Task<BridgeProcess> StartConnectedAsync(string storage = "memory")
    {
        await StartSiloAsync(storage);
        var bridge = await StartBridgeAsync();
        await bridge.MetricsUntilAsync(page => page.LinkUp && page.BrokerConnected, "the bridge is connected both ways", TimeSpan.FromSeconds(30));
        return bridge;
    }

    public Task<DevicePublisher> PublisherAsync(string clientId) => DevicePublisher.ConnectAsync(Broker.Port, clientId);

    /// <summary>One device connection per village, named after it, as each village's devices would publish.</summary>
    public async Task<List<DevicePublisher>> PublisherPerVillageAsync(IEnumerable<string> villages)
    {
        var publishers = new List<DevicePublisher>();
        foreach (var village in villages)
        {
            publishers.Add(await PublisherAsync($"devices-{village.Split('/')[^1]}"));
        }

        return publishers;
    }

    /// <summary>
    /// Polls the commune's strike counts until every village in <paramref name="expected"/> has its count, and
    /// returns the counts then (or at the deadline, for the test's assertion to report).
    /// </summary>
    public async Task<Dictionary<string, int>> StrikeCountsWhenAsync(string communeKey, IReadOnlyDictionary<string, int> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var counts = (await Silo.StrikeCountsAsync(communeKey)).Where(pair => expected.ContainsKey(pair.Key)).ToDictionary();
            if (expected.All(pair => counts.GetValueOrDefault(pair.Key) == pair.Value) || DateTime.UtcNow > deadline)
            {
                return counts;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits until mosquitto (started with <c>logPackets</c>) logged <paramref name="expected"/> PUBACKs from the
    /// bridge's client id, and returns how many it logged by then: the broker's own word on what it may forget.
    /// </summary>
    public async Task<int> PubacksFromBridgeWhenAsync(int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = PubackFromBridge().Count(Broker.Log);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Everything the processes said, for an assertion's message.</summary>
    public string Describe() =>
        string.Join('\n', _silos.Select(silo => silo.Process.Describe()).Concat(_bridges.Select(bridge => bridge.Process.Describe())))
        + $"\n--- mosquitto log (tail):\n{Tail(Broker.Log, 60)}";

    public async ValueTask DisposeAsync()
    {
        foreach (var bridge in _bridges)
        {
            await bridge.DisposeAsync();
        }
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        await Broker.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    [GeneratedRegex("Received PUBACK from gonggrid-bridge ")]
    private static partial Regex PubackFromBridge();

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
