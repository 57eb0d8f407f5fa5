using System.Text;
using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

public sealed class RecordFrameTests
{
    [Fact]
    public void Crc32C_matches_the_published_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void A_frame_reads_back_with_its_sequence_time_and_payload()
    {
        var payload = Encoding.UTF8.GetBytes("ngoc-lac/cao-thinh/lang-moi/gong-1 strike");
        var frame = new byte[RecordFrame.Size(payload.Length)];
        RecordFrame.Write(frame, 42, 1_790_000_000_000, payload);

        Assert.True(RecordFrame.TryReadHeader(frame, 1024, out var header));
        Assert.True(RecordFrame.IsIntact(frame, header));
        Assert.Equal((payload.Length, 42L, 1_790_000_000_000L), (header.PayloadLength, header.Sequence, header.AppendedAtUnixMs));
        Assert.Equal(payload, frame[RecordFrame.HeaderSize..]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(20)]
    [InlineData(30)]
    public void Any_flipped_bit_breaks_the_frame(int at)
    {
        var frame = new byte[RecordFrame.Size(16)];
        RecordFrame.Write(frame, 7, 1000, new byte[16]);
        frame[at] ^= 0x10;

        Assert.False(RecordFrame.TryReadHeader(frame, 1024, out var header) && RecordFrame.IsIntact(frame, header));
    }

    [Fact]
    public void Zeros_are_never_a_record()
    {
        var zeros = new byte[RecordFrame.HeaderSize];

        Assert.True(RecordFrame.TryReadHeader(zeros, 1024, out var header));
        Assert.False(RecordFrame.IsIntact(zeros, header));
    }
}
