using System.Buffers.Binary;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// The durable copy of the acknowledgement watermark: a 20-byte file, <c>acks.checkpoint</c>, little-endian
/// <code>
///  0  u32  magic "GGJA"
///  4  u32  format version (1)
///  8  i64  watermark: the lowest sequence number not yet acknowledged
/// 16  u32  CRC-32C of bytes 0..16
/// </code>
/// It is replaced atomically: written to a temporary file, fsynced, renamed over the old one, and the directory
/// fsynced, so after a power loss it holds either the old watermark or the new one, never a torn mix.
/// </summary>
internal static class AckCheckpoint
{
    public const string FileName = "acks.checkpoint";
    public const string TemporaryFileName = FileName + ".tmp";
    private const int Size = 20;
    private const uint Magic = 0x414A4747;
    private const uint Version = 1;

    /// <summary>Reads the watermark; null if there is no checkpoint yet, or false if the file is damaged.</summary>
    public static bool TryRead(string directory, out long? watermark)
    {
        watermark = null;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return true;
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != Size
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)) != Version
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)) != Crc32C.Compute(bytes.AsSpan(0, 16)))
        {
            return false;
        }
        watermark = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        return true;
    }

    public static void Write(string directory, long watermark)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], watermark);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[16..], Crc32C.Compute(bytes[..16]));
        var temporary = Path.Combine(directory, TemporaryFileName);
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
            RandomAccess.FlushToDisk(handle);
        }
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        DirectorySync.Flush(directory);
    }
}
