using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// Reads record frames out of one segment file through a buffer of 64 KiB chunks (one read call per chunk, not
/// per record), checks each frame's checksum, and after a broken frame finds the next intact one. It reads
/// only below the limit it is given, so it never sees bytes the writer has not yet made durable.
/// </summary>
internal sealed class SegmentScanner : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly SafeFileHandle _handle;
    private readonly int _maxPayload;
    private byte[] _buffer = new byte[ChunkSize];
    private long _bufferStart;
    private int _bufferLength;
    private int _payloadStart;
    private int _payloadLength;

    private SegmentScanner(SafeFileHandle handle, int maxPayload)
    {
        _handle = handle;
        _maxPayload = maxPayload;
    }

    /// <summary>The payload of the frame the last successful read returned; valid until the next call.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

    /// <summary>Opens a segment for reading; the writer may go on appending and the checkpoint may delete it.</summary>
    public static SegmentScanner Open(string path, int maxPayload) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), maxPayload);

    /// <summary>Reads the frame at <paramref name="offset"/>; false if it is cut short by the limit or broken.</summary>
    public bool TryReadFrame(long offset, long limit, out RecordHeader header)
    {
        header = default;
        if (!Fill(offset, RecordFrame.HeaderSize, limit)
            || !RecordFrame.TryReadHeader(Buffered(offset), _maxPayload, out header)
            || !Fill(offset, header.FrameSize, limit)
            || !RecordFrame.IsIntact(Buffered(offset)[..header.FrameSize], header))
        {
            return false;
        }
        _payloadStart = (int)(offset - _bufferStart) + RecordFrame.HeaderSize;
        _payloadLength = header.PayloadLength;
        return true;
    }

    /// <summary>
    /// Looks byte by byte from <paramref name="from"/> for the next intact frame whose sequence number is in
    /// [<paramref name="minSequence"/>, <paramref name="maxSequence"/>), and returns its offset, or -1. The
    /// sequence range is checked before the checksum, so garbage is rejected cheaply and almost never mistaken
    /// for a record (that would take a 1 in 2^32 checksum match as well).
    /// </summary>
    public long FindNextIntact(long from, long limit, long minSequence, long maxSequence, out RecordHeader header)
    {
        for (var offset = from; Fill(offset, RecordFrame.HeaderSize, limit); offset++)
        {
            var sequence = BinaryPrimitives.ReadInt64LittleEndian(Buffered(offset)[8..]);
            if (sequence >= minSequence && sequence < maxSequence && TryReadFrame(offset, limit, out header))
            {
                return offset;
            }
        }
        header = default;
        return -1;
    }

    public void Dispose() => _handle.Dispose();

    private Span<byte> Buffered(long offset) => _buffer.AsSpan((int)(offset - _bufferStart), _bufferLength - (int)(offset - _bufferStart));

    /// <summary>Makes [offset, offset + count) buffered; false if the limit or the file ends first.</summary>
    private bool Fill(long offset, int count, long limit)
    {
        if (offset + count > limit)
        {
            return false;
        }
        if (offset >= _bufferStart && offset + count <= _bufferStart + _bufferLength)
        {
            return true;
        }
        if (_buffer.Length < count)
        {
            _buffer = new byte[Math.Max(count, 2 * _buffer.Length)];
        }
        var wanted = (int)Math.Min(_buffer.Length, limit - offset);
        var read = 0;
        while (read < wanted)
        {
            var got = RandomAccess.Read(_handle, _buffer.AsSpan(read, wanted - read), offset + read);
            if (got == 0)
            {
                break;
            }
            read += got;
        }
        _bufferStart = offset;
        _bufferLength = read;
        return read >= count;
    }
}
