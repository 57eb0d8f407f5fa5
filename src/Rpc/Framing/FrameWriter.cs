using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace GongGrid.Rpc.Framing;

/// <summary>Writes one message with its 5-byte frame header, checking the size limit first.</summary>
internal static class FrameWriter
{
    public static void Write(IBufferWriter<byte> output, IMessage message, int maxMessageSize, bool gzip)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"message of {size} bytes exceeds the maximum message size of {maxMessageSize} bytes");
        }

        if (gzip)
        {
            var compressed = MessageCompression.Compress(message.ToByteArray());
            WriteHeader(output, compressed: true, compressed.Length);
            output.Write(compressed);
            return;
        }

        WriteHeader(output, compressed: false, size);
        message.WriteTo(output);
    }

    private static void WriteHeader(IBufferWriter<byte> output, bool compressed, int length)
    {
        var header = output.GetSpan(Frame.HeaderSize);
        header[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        output.Advance(Frame.HeaderSize);
    }
}
