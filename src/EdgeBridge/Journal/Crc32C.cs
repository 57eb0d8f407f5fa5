using System.Buffers.Binary;
using System.Numerics;

namespace GongGrid.EdgeBridge.Journal;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of every record. <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the
/// processor's CRC instruction where there is one (SSE4.2, ARMv8) and a table otherwise, so no package is needed.
/// </summary>
internal static class Crc32C
{
    public const uint Seed = 0xFFFFFFFF;

    /// <summary>Feeds <paramref name="data"/> into a running checksum started at <see cref="Seed"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var value in data)
        {
            crc = BitOperations.Crc32C(crc, value);
        }
        return crc;
    }

    /// <summary>Finishes a running checksum.</summary>
    public static uint Finish(uint crc) => ~crc;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Seed, data));
}
