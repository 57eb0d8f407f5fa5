using System.Buffers.Binary;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The frame of one record in a segment file, little-endian:
/// <code>
///  0  u32  payload length
///  4  u32  CRC-32C of bytes 0..4 and 8..end (everything but the checksum itself)
///  8  i64  sequence number
/// 16  i64  append time, Unix milliseconds (UTC)
/// 24  ...  payload
/// </code>
/// A zeroed region never passes as a record (the checksum of zeros is not zero), nor does a frame cut short.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 24;

    public static int Size(int payloadLength) => HeaderSize + payloadLength;

    public static void Write(Span<byte> destination, long sequence, long appendedAtUnixMs, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], appendedAtUnixMs);
        payload.CopyTo(destination[HeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination[..Size(payload.Length)]));
    }

    /// <summary>
    /// Reads the header at the start of <paramref name="source"/>. Returns false when the length field is
    /// impossible (negative or over <paramref name="maxPayload"/>), which means this is not a record.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> source, int maxPayload, out RecordHeader header)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(source);
        header = new RecordHeader(
            length,
            BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[16..]));
        return length >= 0 && length <= maxPayload;
    }

    /// <summary>Whether a whole frame (header and payload, <see cref="RecordHeader.FrameSize"/> bytes) is intact.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> frame, RecordHeader header) => Checksum(frame) == header.Checksum;

    private static uint Checksum(ReadOnlySpan<byte> frame) =>
        Crc32C.Finish(Crc32C.Append(Crc32C.Append(Crc32C.Seed, frame[..4]), frame[8..]));
}

/// <summary>The fixed part of a record frame, as read; trust it only once the checksum matched.</summary>
internal readonly record struct RecordHeader(int PayloadLength, uint Checksum, long Sequence, long AppendedAtUnixMs)
{
    public int FrameSize => RecordFrame.Size(PayloadLength);
}
