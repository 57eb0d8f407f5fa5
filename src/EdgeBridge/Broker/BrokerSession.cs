using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Broker;

/// <summary>
/// The bridge's MQTT session with its village broker, on MQTTnet: kept connected in the background, every PUBLISH
/// handed to the intake for manual acknowledgement, and device commands published at QoS 1.
/// </summary>
/// <remarks>
/// MQTTnet calls the message handler one message at a time, and sends an acknowledgement whenever
/// <c>AcknowledgeAsync</c> is called, also after the handler returned, on whatever connection is open then. So
/// the handler only hands each message on (the journal batches many into one fsync), and the session numbers its
/// connections: an acknowledgement goes out only while the connection its message came on is still the open one.
/// The number moves on, under the same lock as the acknowledgements, before the next connect can give MQTTnet a
/// new transport; a message whose acknowledgement came too late is delivered again on the new connection.
/// </remarks>
public sealed partial class BrokerSession : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(100);

    private readonly BrokerOptions _options;
    private readonly IReadOnlyList<string> _topicFilters;
    private readonly Func<BrokerMessage, CancellationToken, Task> _onMessage;
    private readonly ILogger _logger;
    private readonly MqttClientOptions _connect;
    private readonly IMqttClient _client;
    private readonly Lock _acknowledging = new();
    private readonly CancellationTokenSource _stop = new();
    private Connection _current;
    private TaskCompletionSource<MqttClientDisconnectedEventArgs> _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _supervisor = Task.CompletedTask;

    /// <param name="onMessage">Called for each delivered PUBLISH, one at a time; it should return once the message is handed on.</param>
    public BrokerSession(
        BrokerOptions options, IReadOnlyList<string> topicFilters, Func<BrokerMessage, CancellationToken, Task> onMessage, ILogger logger)
    {
        _options = options;
        _topicFilters = topicFilters;
        _onMessage = onMessage;
        _logger = logger;
        _connect = BrokerClientOptions.For(options);
        _current = new Connection(this, 0);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <summary>Raised whenever the link goes up (true) or down (false).</summary>
    public event Action<bool>? LinkChanged;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Starts keeping the session connected in the background; failures show in the log and <see cref="LinkChanged"/>.</summary>
    public void Start() => _supervisor = SuperviseAsync(_stop.Token);

    /// <summary>Publishes at QoS 1 and completes at the broker's PUBACK; while the link is down it waits for it to come back.</summary>
    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        while (true)
        {
            await Volatile.Read(ref _up).Task.WaitAsync(cancellationToken);
            try
            {
                await _client.PublishAsync(message, cancellationToken);
                return;
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException) when (!_client.IsConnected)
            {
                // The link dropped under the publish: send it again on the next connection (speakers ignore a repeated
                // command id). The pause lets the supervisor mark the link down first.
                await Task.Delay(ReconnectPause, cancellationToken);
            }
        }
    }

    /// <summary>Disconnects cleanly and stops reconnecting; acknowledgements still owed are not sent (the broker keeps those messages).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _supervisor;
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already going down; the broker keeps the session either way.
            }
        }

        SetLink(false);
        BrokerLog.Stopped(_logger, _options.ClientId);
        _client.Dispose();
    }

    private Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        received.AutoAcknowledge = false;
        var message = received.ApplicationMessage;
        var payload = message.Payload.IsSingleSegment ? message.Payload.First : message.Payload.ToArray();
        return _onMessage(
            new BrokerMessage(message.Topic, payload, message.QualityOfServiceLevel, message.Dup, Volatile.Read(ref _current), received),
            _stop.Token);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs disconnected)
    {
        // A connect attempt that failed reports here too; the supervisor hears of that from ConnectAsync itself.
        if (disconnected.ClientWasConnected)
        {
            Volatile.Read(ref _dropped).TrySetResult(disconnected);
        }

        return Task.CompletedTask;
    }

    private bool IsCurrent(Connection connection) => ReferenceEquals(Volatile.Read(ref _current), connection) && _client.IsConnected;

    private bool Acknowledge(Connection connection, BrokerMessage message)
    {
        Task sent;
        lock (_acknowledging)
        {
            if (!IsCurrent(connection))
            {
                BrokerLog.AcknowledgementDropped(_logger, message.Topic);
                return false;
            }

            try
            {
                sent = message.Received!.AcknowledgeAsync(CancellationToken.None);
            }
            catch (Exception error) when (error is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or NullReferenceException)
            {
                // MQTTnet's transport went away between the check and the send: the connection is closing.
                BrokerLog.AcknowledgementFailed(_logger, message.Topic, error.Message);
                return false;
            }
        }

        if (!sent.IsCompletedSuccessfully)
        {
            _ = sent.ContinueWith(
                failed => BrokerLog.AcknowledgementFailed(_logger, message.Topic, failed.Exception!.GetBaseException().Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return true;
    }

    private void SetLink(bool up)
    {
        if (up)
        {
            Volatile.Read(ref _up).TrySetResult();
        }
        else if (Volatile.Read(ref _up).Task.IsCompleted)
        {
            Volatile.Write(ref _up, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        LinkChanged?.Invoke(up);
    }

    /// <summary>One connection of the session; it stays closed once the session has moved on to the next.</summary>
    private sealed class Connection(BrokerSession session, long number) : IBrokerConnection
    {
        public long Number => number;

        public bool IsOpen => session.IsCurrent(this);

        public bool Acknowledge(BrokerMessage message) => session.Acknowledge(this, message);
    }
}
