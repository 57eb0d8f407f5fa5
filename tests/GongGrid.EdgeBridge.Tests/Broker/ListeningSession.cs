using System.Text;
using System.Threading.Channels;
using GongGrid.EdgeBridge.Broker;
using GongGrid.EdgeBridge.Tests.Support;

namespace GongGrid.EdgeBridge.Tests.Broker;

/// <summary>
/// The bridge's broker session with an intake that only keeps what it is handed, so that a test decides when (and
/// whether) each message is acknowledged, and reads what the session logged.
/// </summary>
internal sealed class ListeningSession : IAsyncDisposable
{
    private readonly Channel<BrokerMessage> _heard = Channel.CreateUnbounded<BrokerMessage>();
    private int _linksUp;
    private int _linksDown;

    private ListeningSession(BrokerOptions options, IReadOnlyList<string> topicFilters)
    {
        Session = new BrokerSession(options, topicFilters, (message, cancellationToken) => _heard.Writer.WriteAsync(message, cancellationToken).AsTask(), Log);
        Session.LinkChanged += up =>
        {
            if (up)
            {
                Interlocked.Increment(ref _linksUp);
            }
            else
            {
                Interlocked.Increment(ref _linksDown);
            }
        };
        Session.Start();
    }

    public BrokerSession Session { get; }

    public ListLogger Log { get; } = new();

    /// <summary>Times the link came up: 2 after one reconnect.</summary>
    public int LinksUp => Volatile.Read(ref _linksUp);

    public int LinksDown => Volatile.Read(ref _linksDown);

    /// <summary>A session as the bridge opens it (clean session off), with quick reconnects so a test waits little.</summary>
    public static BrokerOptions Options(int port, string clientId = "bridge-ngoc-lac", Action<BrokerOptions>? configure = null)
    {
        var options = new BrokerOptions
        {
            Port = port,
            ClientId = clientId,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        return options;
    }

    public static ListeningSession Start(BrokerOptions options, string topicFilter = "gonggrid/v1/#") => new(options, [topicFilter]);

    /// <summary>Starts the session and waits until its link is up.</summary>
    public static async Task<ListeningSession> ConnectedAsync(BrokerOptions options)
    {
        var listening = Start(options);
        await listening.UntilAsync(() => listening.LinksUp == 1, "the session connected");
        return listening;
    }

    public async Task<BrokerMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _heard.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message within {(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds} ms.\n{Log.Describe()}");
        }
    }

    public async Task<List<BrokerMessage>> NextAsync(int count)
    {
        var messages = new List<BrokerMessage>(count);
        for (var index = 0; index < count; index++)
        {
            messages.Add(await NextAsync());
        }

        return messages;
    }

    public Task UntilAsync(Func<bool> done, string what, TimeSpan? timeout = null) => Waiting.UntilAsync(done, what, Log, timeout);

    public ValueTask DisposeAsync() => Session.DisposeAsync();

    public static string Text(BrokerMessage message) => Encoding.UTF8.GetString(message.Payload.Span);
}
