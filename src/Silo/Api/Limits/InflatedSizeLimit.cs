using Grpc.Core;

namespace GongGrid.Silo.Api.Limits;

/// <summary>
/// Reads an inflating stream and ends the call once more than <paramref name="maxBytes"/> come out of it:
/// RESOURCE_EXHAUSTED, as for a message sent that large uncompressed. Input that is not gzip ends it INTERNAL.
/// </summary>
public sealed class InflatedSizeLimit(Stream inflating, int maxBytes) : Stream
{
    private long _inflated;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inflating.Read(buffer);
        }
        catch (InvalidDataException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "a gzip-compressed message is corrupt"));
        }

        _inflated += read;
        return _inflated <= maxBytes
            ? read
            : throw new RpcException(new Status(StatusCode.ResourceExhausted, $"a decompressed message exceeds the maximum message size of {maxBytes} bytes"));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflating.Dispose();
        }

        base.Dispose(disposing);
    }
}
