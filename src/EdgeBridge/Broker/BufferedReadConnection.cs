using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace GongGrid.EdgeBridge.Broker;

/// <summary>
/// A TCP connection to the broker, handed to MQTTnet through its stream-provider hook, with reads served from a
/// 64 KiB buffer. MQTTnet reads each packet in pieces straight from the socket (the fixed header, each length
/// byte, then the body): three receive calls for every device event at tens of thousands a second. The broker
/// writes many packets in one go, so one receive now fills the buffer with dozens of them. Writes go straight
/// through, unbuffered: an acknowledgement must leave when MQTTnet sends it. MQTTnet layers TLS above this stream.
/// The demo and the benchmarks give it to the simulator's device connections too (their PUBACKs come the same way).
/// </summary>
public sealed class BufferedReadConnection : Stream
{
    private const int BufferBytes = 64 * 1024;
    private readonly NetworkStream _socket;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private int _start;
    private int _end;

    private BufferedReadConnection(NetworkStream socket) => _socket = socket;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The provider MQTTnet calls at every connect (<c>WithStreamProvider</c>).</summary>
    public static IMqttClientStreamProvider Provider { get; } = new Connector();

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_start < _end)
        {
            return ValueTask.FromResult(TakeBuffered(destination.Span));
        }

        return destination.Length >= BufferBytes ? _socket.ReadAsync(destination, cancellationToken) : FillAndReadAsync(destination, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = _socket.Read(_buffer);
        }

        return TakeBuffered(destination);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        _socket.WriteAsync(source, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _socket.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _socket.Write(buffer, offset, count);

    public override void Flush() => _socket.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _socket.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _socket.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> FillAndReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _socket.ReadAsync(_buffer, cancellationToken);
        return TakeBuffered(destination.Span);
    }

    private int TakeBuffered(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    private sealed class Connector : IMqttClientStreamProvider
    {
        public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(brokerEndPoint, cancellationToken);
                return new BufferedReadConnection(new NetworkStream(socket, ownsSocket: true));
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
