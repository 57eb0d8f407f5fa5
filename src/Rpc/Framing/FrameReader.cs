using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace GongGrid.Rpc.Framing;

/// <summary>
/// Reads length-prefixed messages (1 byte compressed flag, 4 bytes big-endian length, the message) from an HTTP/2
/// body. The same reader serves the server's request bodies and the client's response bodies.
/// </summary>
internal sealed class FrameReader<T>(PipeReader body, MessageParser<T> parser, int maxMessageSize, string? encoding)
    where T : IMessage<T>
{
    /// <summary>The next message, or null at a clean end of the body.</summary>
    /// <exception cref="RpcException">A malformed, truncated or oversize frame, or a message that does not parse.</exception>
    public async ValueTask<T?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryTakeFrame(ref buffer, out var message))
            {
                body.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var leftover = buffer.Length;
                body.AdvanceTo(buffer.End);
                return leftover == 0
                    ? default
                    : throw new RpcException(
                        StatusCode.Internal, $"the body ended inside a message frame ({leftover} bytes of an incomplete frame)");
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out T? message)
    {
        message = default;
        if (buffer.Length < Frame.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[Frame.HeaderSize];
        buffer.Slice(0, Frame.HeaderSize).CopyTo(header);
        var compressed = header[0] switch
        {
            0 => false,
            1 => true,
            var flag => throw new RpcException(StatusCode.Internal, $"invalid compressed-flag byte {flag} in a message frame"),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"received message of {length} bytes exceeds the maximum message size of {maxMessageSize} bytes");
        }

        if (buffer.Length < Frame.HeaderSize + length)
        {
            return false;
        }

        var payload = buffer.Slice(Frame.HeaderSize, length);
        message = Parse(compressed ? new ReadOnlySequence<byte>(Inflate(payload)) : payload);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private byte[] Inflate(ReadOnlySequence<byte> payload) => encoding switch
    {
        GrpcHeaders.Gzip => MessageCompression.Decompress(payload, maxMessageSize),
        null or GrpcHeaders.Identity =>
            throw new RpcException(StatusCode.Internal, "a message is flagged compressed but no grpc-encoding was negotiated"),
        // The server refuses such requests up front; a client can only meet this in a response.
        _ => throw new RpcException(
            StatusCode.Internal, $"a message is compressed with grpc-encoding '{encoding}', which is not supported"),
    };

    private T Parse(ReadOnlySequence<byte> payload)
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(
                StatusCode.Internal, $"a message could not be parsed as {typeof(T).Name}: {ex.Message}");
        }
    }
}
