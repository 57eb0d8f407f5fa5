using System.Threading.Channels;
using GongGrid.Api.V1;
using GongGrid.Silo.Api.Security;
using Grpc.Core;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// The edge bridge of Cao Thịnh's seven villages, each with a smart speaker, as its ingest stream to one silo: the
/// device commands the grid sends down it are collected. Its token is one more for the cluster's silos (<see cref="Token"/>).
/// </summary>
public sealed class SpeakerBridge : IAsyncDisposable
{
    public const string CaoThinh = TonightInTheCluster.District + "/cao-thinh";

    public static readonly string[] Villages =
        [.. new[] { "ban-rich", "binh-minh", "quyet-thang", "cay-da", "tan-phong", "dong-tam", "bai-da" }.Select(village => $"{CaoThinh}/{village}")];

    private const string TokenText = "cao-thinh-bridge-token-for-cluster-tests";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AsyncDuplexStreamingCall<IngestRequest, IngestResponse> _call;
    private readonly Channel<EventAcks> _acks = Channel.CreateUnbounded<EventAcks>();
    private readonly Channel<DeviceCommand> _commands = Channel.CreateUnbounded<DeviceCommand>();
    private readonly Task _pumping;

    private SpeakerBridge(ClusterSilo silo)
    {
        Silo = silo;
        _call = new IngestService.IngestServiceClient(silo.Channel).Ingest(new CallOptions([new("authorization", $"Bearer {TokenText}")]));
        _pumping = PumpAsync();
    }

    /// <summary>The bridge's token, scoped to the seven villages, as settings for every silo (token index 2; 0 and 1 are ClusterSilo's).</summary>
    public static string[] Token =>
    [
        $"--GongGrid:Api:Tokens:2:Sha256={TokenHash.Of(TokenText)}",
        "--GongGrid:Api:Tokens:2:Name=cluster-test-cao-thinh-bridge",
        "--GongGrid:Api:Tokens:2:Role=EdgeBridge",
        .. Villages.Select((village, index) => $"--GongGrid:Api:Tokens:2:Scopes:{index}={village}"),
    ];

    public ClusterSilo Silo { get; }

    /// <summary>Opens the stream and waits until the silo took it (an empty batch is acknowledged).</summary>
    public static async Task<SpeakerBridge> ConnectAsync(ClusterSilo silo)
    {
        var bridge = new SpeakerBridge(silo);
        await bridge._call.RequestStream.WriteAsync(new IngestRequest());
        await bridge._acks.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        return bridge;
    }

    /// <summary>Every command received within <paramref name="count"/> arrivals or 20 s, whichever comes first.</summary>
    public async Task<List<DeviceCommand>> CommandsAsync(int count)
    {
        var commands = new List<DeviceCommand>();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            while (commands.Count < count)
            {
                commands.Add(await _commands.Reader.ReadAsync(patience.Token));
            }
        }
        catch (OperationCanceledException)
        {
            // fewer came: the caller's assertion says how many
        }
        return commands;
    }

    /// <summary>Commands received and not yet taken.</summary>
    public List<DeviceCommand> Drain()
    {
        var commands = new List<DeviceCommand>();
        while (_commands.Reader.TryRead(out var command))
        {
            commands.Add(command);
        }
        return commands;
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync())
            {
                if (response.BodyCase == IngestResponse.BodyOneofCase.Command)
                {
                    _commands.Writer.TryWrite(response.Command);
                }
                else
                {
                    _acks.Writer.TryWrite(response.Acks);
                }
            }
        }
        catch (Exception ended) when (ended is RpcException or OperationCanceledException or IOException)
        {
            // the silo went away or the test hung up
        }
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        await _pumping;
    }
}
