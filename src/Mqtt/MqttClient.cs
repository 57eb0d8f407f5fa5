using System.Threading.Channels;
using GongGrid.Mqtt.Connection;
using GongGrid.Mqtt.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GongGrid.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client that keeps its link to one broker up: it reconnects with capped exponential backoff and
/// jitter, subscribes again whenever the broker kept no session, and resends unacknowledged QoS 1 publishes.
/// </summary>
/// <remarks>
/// <para>Publishing is pipelined: <see cref="PublishAsync"/> queues the message in call order and returns a task
/// that completes at PUBACK (QoS 1) or once written (QoS 0). Up to <see cref="MqttClientOptions.MaxInFlight"/> QoS 1
/// messages are on the wire at once; the rest wait in order. The queue itself is unbounded, so a bulk publisher
/// should keep a bounded number of these tasks outstanding (for example, await them in batches of a few thousand).</para>
/// <para>Across reconnects, unacknowledged QoS 1 publishes are kept and resent first, with DUP set, their original
/// packet ids and order, whether or not the broker kept the session (at least once: the grid ignores duplicates).
/// Their tasks complete when a PUBACK finally arrives, or fail with <see cref="MqttConnectionClosedException"/> when
/// the client is stopped.</para>
/// <para>Inbound messages arrive on <see cref="Messages"/>; QoS 1 ones wait for <see cref="MqttMessage.Acknowledge"/>.</para>
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly ILogger _logger;
    private readonly OutboundSession _session;
    private readonly Channel<MqttMessage> _messages = Channel.CreateUnbounded<MqttMessage>();
    private readonly Lock _gate = new();
    private readonly List<MqttSubscription> _subscriptions;
    private readonly CancellationTokenSource _stop = new();
    private MqttConnection? _connection;
    private MqttLinkState _state = MqttLinkState.NotStarted;
    private Task _supervisor = Task.CompletedTask;
    private bool _started;

    public MqttClient(MqttClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _session = new OutboundSession(options.MaxInFlight);
        _subscriptions = [.. options.Subscriptions];
    }

    /// <summary>Raised, on the thread that noticed, whenever the link goes up or down.</summary>
    public event Action<MqttLinkState>? StateChanged;

    public MqttClientOptions Options => _options;

    /// <summary>Every inbound PUBLISH, across reconnects, in arrival order. Completes when the client stops.</summary>
    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    public MqttLinkState State => Volatile.Read(ref _state);

    public MqttClientCounters Counters { get; } = new();

    /// <summary>QoS 1 publishes sent (or about to be) and not yet acknowledged: a gauge of the pipeline's depth.</summary>
    public int PublishesInFlight => _session.InFlightCount;

    /// <summary>
    /// Connects once, failing with the reason if that attempt fails (<see cref="MqttConnectException"/> for a refusal
    /// such as a bad password); from then on the link is kept up in the background until <see cref="DisconnectAsync"/>.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        BeginStart();
        MqttConnection connection;
        try
        {
            connection = await OpenAsync(cancellationToken);
        }
        catch (Exception e)
        {
            Counters.ConnectFailed();
            SetState(false, Describe(e), false);
            lock (_gate)
            {
                _started = false;
            }
            throw;
        }
        _supervisor = SuperviseAsync(connection);
    }

    /// <summary>Starts keeping the link up in the background without waiting; failures show in <see cref="State"/> and the log.</summary>
    public void Start()
    {
        BeginStart();
        _supervisor = SuperviseAsync(null);
    }

    /// <summary>Queues a publish; see the class remarks for ordering, completion and resends.</summary>
    /// <remarks>The payload is not copied: leave it unchanged until the task completes.</remarks>
    public Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false)
    {
        MqttTopics.ThrowIfInvalidName(topic, nameof(topic));
        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "Only QoS 0 and 1 are supported.");
        }
        var publish = new OutboundPublish(topic, payload, qos, retain);
        _session.Enqueue(publish);
        return publish.Task;
    }

    public Task<IReadOnlyList<MqttQos>> SubscribeAsync(string topicFilter, MqttQos qos = MqttQos.AtLeastOnce, CancellationToken cancellationToken = default) =>
        SubscribeAsync([new MqttSubscription(topicFilter, qos)], cancellationToken);

    /// <summary>
    /// Subscribes on the current connection and remembers the filters for later connects. Returns the granted QoS
    /// per filter; throws <see cref="MqttSubscribeException"/> naming any filter the broker refused, and
    /// <see cref="MqttConnectionClosedException"/> when not connected (filters that must survive every reconnect
    /// from the start belong in <see cref="MqttClientOptions.Subscriptions"/>).
    /// </summary>
    public async Task<IReadOnlyList<MqttQos>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentOutOfRangeException.ThrowIfZero(subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            MqttTopics.ThrowIfInvalidFilter(subscription.TopicFilter, nameof(subscriptions));
        }
        var codes = await CurrentConnection().SubscribeAsync(subscriptions, cancellationToken);
        lock (_gate)
        {
            for (var i = 0; i < subscriptions.Count; i++)
            {
                if (codes[i] != SubAckPacket.Failure)
                {
                    _subscriptions.RemoveAll(s => s.TopicFilter == subscriptions[i].TopicFilter);
                    _subscriptions.Add(subscriptions[i]);
                }
            }
        }
        ThrowIfRefused(subscriptions, codes);
        return [.. codes.Select(code => (MqttQos)code)];
    }

    /// <summary>Forgets the filters and, when connected, unsubscribes from them.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicFilters);
        ArgumentOutOfRangeException.ThrowIfZero(topicFilters.Count);
        lock (_gate)
        {
            _subscriptions.RemoveAll(s => topicFilters.Contains(s.TopicFilter));
        }
        if (Volatile.Read(ref _connection) is { IsOpen: true } connection)
        {
            await connection.UnsubscribeAsync(topicFilters, cancellationToken);
        }
    }

    /// <summary>
    /// Sends DISCONNECT (so no will is published), stops reconnecting, fails publishes still unacknowledged and
    /// completes <see cref="Messages"/>. Await publish tasks first to be sure they were delivered.
    /// </summary>
    public async Task DisconnectAsync()
    {
        await _stop.CancelAsync();
        await _supervisor;
        _session.Stop(new MqttConnectionClosedException("The client was stopped before the broker acknowledged this message."));
        _messages.Writer.TryComplete();
        if (State.Reason != "stopped")
        {
            SetState(false, "stopped", false);
            MqttLog.Stopped(_logger, _options.ClientId);
        }
    }

    /// <summary>Same as <see cref="DisconnectAsync"/>; safe to call more than once.</summary>
    public async ValueTask DisposeAsync() => await DisconnectAsync();

    private void BeginStart()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            if (_started)
            {
                throw new InvalidOperationException("The client is already started.");
            }
            _started = true;
        }
    }

    private MqttConnection CurrentConnection() =>
        Volatile.Read(ref _connection) is { IsOpen: true } connection
            ? connection
            : throw new MqttConnectionClosedException($"Not connected to the broker ({State.Reason}).");

    private static void ThrowIfRefused(IReadOnlyList<MqttSubscription> subscriptions, IReadOnlyList<byte> codes)
    {
        var refused = subscriptions.Where((_, i) => codes[i] == SubAckPacket.Failure).Select(s => s.TopicFilter).ToList();
        if (refused.Count > 0)
        {
            throw new MqttSubscribeException(refused);
        }
    }
}
