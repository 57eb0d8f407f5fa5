using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Tests.Support;

/// <summary>
/// A fake broker on a raw TcpListener that answers CONNECT as told and then runs a script per connection, so a
/// test can send exactly the bytes a real broker never would (garbage, truncations, refusals).
/// </summary>
internal sealed class ScriptedBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, ConnAckPacket> _connAck;
    private readonly Func<ScriptedLink, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<ScriptedLink> _links = [];
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly Task _accepting;
    private int _count;

    public ScriptedBroker(Func<ScriptedLink, Task> script, Func<int, ConnAckPacket>? connAck = null)
    {
        _script = script;
        _connAck = connAck ?? (_ => new ConnAckPacket(false, MqttConnectReturnCode.Accepted));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _count);

    /// <summary>Exceptions thrown by scripts (a test asserts there are none).</summary>
    public IReadOnlyList<Exception> Failures => [.. _failures];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links)
        {
            link.Close();
        }
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var link = new ScriptedLink(Interlocked.Increment(ref _count) - 1, socket);
            _links.Add(link);
            _ = RunAsync(link);
        }
    }

    private async Task RunAsync(ScriptedLink link)
    {
        try
        {
            link.Connect = (ConnectPacket)await link.ReceiveAsync();
            var connAck = _connAck(link.Index);
            await link.SendAsync(connAck);
            if (connAck.ReturnCode == MqttConnectReturnCode.Accepted)
            {
                await _script(link);
            }
            else
            {
                link.Close();
            }
        }
        catch (Exception e) when (e is not (IOException or SocketException or ObjectDisposedException or OperationCanceledException))
        {
            _failures.Enqueue(e);
        }
        catch (Exception)
        {
            // The client closed the link, which is what most scripts provoke.
        }
    }
}

/// <summary>One accepted connection of a <see cref="ScriptedBroker"/>.</summary>
internal sealed class ScriptedLink(int index, Socket socket)
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private PipeReader? _reader;

    /// <summary>0 for the first connection, 1 after the first reconnect, ...</summary>
    public int Index { get; } = index;

    public ConnectPacket Connect { get; set; } = null!;

    public async Task SendAsync(MqttPacket packet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MqttPacketWriter.Write(buffer, packet);
        await _stream.WriteAsync(buffer.WrittenMemory);
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public async Task<MqttPacket> ReceiveAsync(TimeSpan? timeout = null)
    {
        _reader ??= PipeReader.Create(_stream);
        using var cancel = new CancellationTokenSource(timeout ?? TestClients.Patience);
        while (true)
        {
            var result = await _reader.ReadAsync(cancel.Token);
            var buffer = result.Buffer;
            if (MqttPacketReader.TryRead(ref buffer, MqttClientOptions.DefaultMaxPacketSize, out var packet))
            {
                _reader.AdvanceTo(buffer.Start);
                return packet;
            }
            if (result.IsCompleted)
            {
                throw new IOException("The client closed the connection.");
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Waits until the client closes the connection (reads and discards anything it still sends).</summary>
    public async Task WaitClosedAsync()
    {
        try
        {
            while (true)
            {
                await ReceiveAsync();
            }
        }
        catch (IOException)
        {
        }
    }

    public void Close() => _stream.Dispose();
}
