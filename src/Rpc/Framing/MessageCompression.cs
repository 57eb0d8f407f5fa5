using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace GongGrid.Rpc.Framing;

/// <summary>gzip per message, as negotiated by <c>grpc-encoding</c>.</summary>
internal static class MessageCompression
{
    /// <summary>A gzip member's 10-byte header and 8-byte trailer (CRC-32, then the inflated length mod 2^32).</summary>
    private const int GzipHeaderAndTrailer = 18;

    public static bool IsSupported(string? encoding) =>
        encoding is null or GrpcHeaders.Identity or GrpcHeaders.Gzip;

    public static byte[] Compress(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a message, refusing to grow past <paramref name="maxSize"/> (a small frame can hide a huge one).</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> compressed, int maxSize)
    {
        var bytes = compressed.ToArray();
        using var input = new MemoryStream(bytes);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(
                        StatusCode.ResourceExhausted,
                        $"decompressed message exceeds the maximum message size of {maxSize} bytes");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(StatusCode.Internal, $"gzip-compressed message is corrupt: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return EndsWithLength(bytes, output.Length)
            ? output.ToArray()
            : throw new RpcException(StatusCode.Internal, "gzip-compressed message is truncated or corrupt");
    }

    /// <summary>
    /// GZipStream ends quietly where its input ends, so a cut-off message would inflate to a shorter one that may
    /// still parse; the trailer's length field catches that. (One gzip member per message, as gRPC peers send.)
    /// </summary>
    private static bool EndsWithLength(byte[] compressed, long inflatedLength) =>
        compressed.Length >= GzipHeaderAndTrailer
        && BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4)) == (uint)inflatedLength;
}
