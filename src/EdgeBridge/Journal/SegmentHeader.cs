using System.Buffers.Binary;
using System.Globalization;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The start of every segment file and its name. A segment is named by its first sequence number, zero-padded
/// to 20 digits (<c>00000000000000000001.seg</c>), so sorting the names sorts the segments. Its 16-byte header:
/// <code>
///  0  u32  magic "GGJ1"
///  4  u32  format version (1)
///  8  i64  first sequence number (the same as the name)
/// </code>
/// Records follow from byte 16. The header is fsynced, with the directory, before any record goes in, so a
/// segment with a torn header never held an acknowledged record.
/// </summary>
internal static class SegmentHeader
{
    public const int Size = 16;
    public const string Extension = ".seg";
    private const uint Magic = 0x314A4747;
    private const uint Version = 1;

    public static string FileName(long firstSequence) =>
        firstSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseFileName(string fileName, out long firstSequence)
    {
        firstSequence = 0;
        return fileName.Length == 20 + Extension.Length
            && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
    }

    public static void Write(Span<byte> destination, long firstSequence)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], firstSequence);
    }

    public static bool IsValid(ReadOnlySpan<byte> source, long firstSequence) =>
        source.Length >= Size
        && BinaryPrimitives.ReadUInt32LittleEndian(source) == Magic
        && BinaryPrimitives.ReadUInt32LittleEndian(source[4..]) == Version
        && BinaryPrimitives.ReadInt64LittleEndian(source[8..]) == firstSequence;
}
