using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Intake;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using GongGrid.EdgeBridge.Tests.Broker;
using GongGrid.EdgeBridge.Tests.Support;
using GongGrid.Testing.Mosquitto;

namespace GongGrid.EdgeBridge.Tests.Intake;

/// <summary>
/// The bridge's intake in this process: its broker session on a real mosquitto, its journal in a temporary
/// directory, and no uplink (the grid is not needed to see what the bridge takes, refuses and acknowledges).
/// </summary>
internal sealed class IntakeRig : IAsyncDisposable
{
    private readonly string _directory;
    private readonly EventJournal _journal;
    private readonly BrokerSession _session;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acknowledging;

    private IntakeRig(MosquittoBroker broker, string directory)
    {
        Broker = broker;
        _directory = directory;
        _journal = EventJournal.Open(new JournalOptions { Directory = Path.Combine(directory, "journal") });
        var intake = new DeviceIntake(_journal, new DeviceDirectory(Path.Combine(directory, "devices.json")), Metrics, TimeProvider.System, Log);
        _session = new BrokerSession(ListeningSession.Options(broker.Port), ["gonggrid/v1/#"], intake.AcceptAsync, Log);
        _session.LinkChanged += Metrics.SetBrokerLink;
        _acknowledging = intake.RunAsync(_stop.Token);
        _session.Start();
    }

    public MosquittoBroker Broker { get; }

    public BridgeMetrics Metrics { get; } = new();

    public ListLogger Log { get; } = new();

    public static async Task<IntakeRig> StartAsync(MosquittoOptions brokerOptions)
    {
        var rig = new IntakeRig(await MosquittoBroker.StartAsync(brokerOptions), Directory.CreateTempSubdirectory("gonggrid-intake-").FullName);
        await rig.UntilAsync(() => rig.Metrics.BrokerConnected, "the bridge is connected to the broker");
        return rig;
    }

    public Task UntilAsync(Func<bool> done, string what) => Waiting.UntilAsync(done, what, Log);

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _stop.CancelAsync();
        await _acknowledging.ContinueWith(_ => { }, TaskScheduler.Default);
        await _journal.DisposeAsync();
        await Broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
