using System.Buffers;
using System.IO.Compression;

namespace GongGrid.Rpc.Framing;

/// <summary>gzip per message, as negotiated by <c>grpc-encoding</c>.</summary>
internal static class MessageCompression
{
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
        using var input = new MemoryStream(compressed.ToArray());
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

        return output.ToArray();
    }
}
