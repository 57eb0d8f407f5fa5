using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using GongGrid.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace GongGrid.Mqtt.Connection;

/// <summary>
/// One live link to the broker, from CONNECT to close: a read loop, a write loop and a keep-alive loop. Any failure
/// (socket error, malformed packet, dead link) closes it once, with a reason in <see cref="Closed"/>; it never
/// reconnects by itself. <see cref="MqttClient"/> supervises a succession of these.
/// </summary>
internal sealed partial class MqttConnection : IMqttAcknowledger
{
    private readonly MqttClientOptions _options;
    private readonly OutboundSession _session;
    private readonly ChannelWriter<MqttMessage> _inbound;
    private readonly MqttClientCounters _counters;
    private readonly ILogger _logger;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<ControlPacket> _control = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<ushort, PendingRequest> _requests = new();
    private int _closedFlag;

    private MqttConnection(MqttClientOptions options, OutboundSession session, ChannelWriter<MqttMessage> inbound, MqttClientCounters counters, ILogger logger, Stream stream)
    {
        _options = options;
        _session = session;
        _inbound = inbound;
        _counters = counters;
        _logger = logger;
        _stream = stream;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
    }

    /// <summary>Whether the broker kept a session for this client id (only possible with CleanSession off).</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>Completes with the reason once the connection has closed, for whatever cause.</summary>
    public Task<string> Closed => _closed.Task;

    public bool IsOpen => Volatile.Read(ref _closedFlag) == 0;

    /// <summary>Opens the transport, sends CONNECT and waits for an accepting CONNACK, all within the connect timeout.</summary>
    /// <exception cref="MqttConnectException">The broker refused (bad credentials, not authorized, ...).</exception>
    /// <exception cref="TimeoutException">No connection or no CONNACK in time.</exception>
    public static async Task<MqttConnection> ConnectAsync(
        MqttClientOptions options, OutboundSession session, ChannelWriter<MqttMessage> inbound, MqttClientCounters counters, ILogger logger, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        Stream stream;
        try
        {
            stream = await MqttTransport.OpenAsync(options, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.###} s.");
        }
        var connection = new MqttConnection(options, session, inbound, counters, logger, stream);
        try
        {
            await connection.HandshakeAsync(deadline.Token);
        }
        catch (Exception e)
        {
            await connection.DisposeTransportAsync();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No CONNACK from {options.Host}:{options.Port} within {options.ConnectTimeout.TotalSeconds:0.###} s.");
            }
            throw;
        }
        connection.Start();
        return connection;
    }

    /// <summary>Sends DISCONNECT (so the broker discards the will) and closes; bounded by the request timeout.</summary>
    public async Task DisconnectAsync()
    {
        if (!IsOpen)
        {
            return;
        }
        Send(new ControlPacket(MqttPacketType.Disconnect));
        try
        {
            await Closed.WaitAsync(_options.RequestTimeout);
        }
        catch (TimeoutException)
        {
            Close("DISCONNECT could not be written in time");
        }
    }

    /// <summary>Closes the link once; later calls do nothing. Pending requests fail, unacknowledged publishes stay in the session.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closedFlag, 1) != 0)
        {
            return;
        }
        _session.Detach(this);
        _stopping.Cancel();
        foreach (var request in _requests.Values)
        {
            request.Reply.TrySetException(new MqttConnectionClosedException($"The connection closed before the broker answered: {reason}."));
        }
        _stream.Dispose();
        _closed.TrySetResult(reason);
    }

    bool IMqttAcknowledger.Acknowledge(ushort packetId)
    {
        if (!IsOpen)
        {
            return false;
        }
        Send(new ControlPacket(MqttPacketType.PubAck, packetId));
        _counters.AcknowledgementSent();
        return true;
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        MqttPacketWriter.WriteConnect(_output, new ConnectPacket(
            _options.ClientId, _options.CleanSession, (ushort)_options.KeepAlive.TotalSeconds, _options.Username, _options.Password, _options.Will));
        await _output.FlushAsync(cancellationToken);
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (MqttPacketReader.TryRead(ref buffer, _options.MaxPacketSize, out var packet))
            {
                _input.AdvanceTo(buffer.Start);
                if (packet is not ConnAckPacket connAck)
                {
                    throw new MqttProtocolException($"{packet.Type.SpecName()} where CONNACK must come first");
                }
                if (connAck.ReturnCode != MqttConnectReturnCode.Accepted)
                {
                    throw new MqttConnectException(connAck.ReturnCode);
                }
                SessionPresent = connAck.SessionPresent;
                return;
            }
            if (result.IsCompleted)
            {
                throw new MqttConnectionClosedException("The broker closed the connection without answering CONNECT.");
            }
            _input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private void Start()
    {
        _session.Attach(this, WakeWriter);
        MarkSent();
        MarkReceived();
        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(WriteLoopAsync);
        if (_options.KeepAlive > TimeSpan.Zero)
        {
            _ = Task.Run(KeepAliveLoopAsync);
        }
    }

    private async Task DisposeTransportAsync()
    {
        await _input.CompleteAsync();
        try
        {
            await _output.CompleteAsync();
        }
        catch (IOException)
        {
            // Nothing buffered is worth saving when the transport is torn down.
        }
        await _stream.DisposeAsync();
    }

    private readonly record struct PendingRequest(MqttPacketType ReplyType, TaskCompletionSource<MqttPacket> Reply);
}
