using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Tests.Journal;

/// <summary>
/// Damage inside a segment, not at the tail (a flipped bit, a bad sector): the reader logs it, skips to the next
/// intact record (or the next segment), counts the skipped sequence numbers as lost, and never throws.
/// </summary>
public sealed class CorruptionTests : IDisposable
{
    private const int Frame = 124;
    private readonly JournalDirectory _directory = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task A_flipped_bit_in_a_middle_segment_loses_that_record_only()
    {
        await WriteRecords(100);
        var middle = Segment(33);
        FlipByte(middle, OffsetOf(40, first: 33) + 60);

        await using var journal = EventJournal.Open(_directory.Options(), _logger);
        var records = JournalDirectory.ReadAll(journal);

        Assert.Equal(Enumerable.Range(1, 100).Where(n => n != 40).Select(n => (long)n), records.Select(record => record.Sequence));
        Assert.All(records, record => Assert.Equal(JournalDirectory.Payload(record.Sequence), record.Payload.ToArray()));
        var error = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains($"{middle}: corrupt record at offset {OffsetOf(40, first: 33)}; sequences 40 to 41", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, journal.GetMetrics().LostRecords);
    }

    [Fact]
    public async Task A_broken_length_field_is_skipped_by_finding_the_next_intact_record()
    {
        await WriteRecords(100);
        FlipByte(Segment(33), OffsetOf(45, first: 33) + 2);

        await using var journal = EventJournal.Open(_directory.Options(), _logger);

        Assert.Equal(99, JournalDirectory.ReadAll(journal).Count);
        Assert.DoesNotContain(45L, JournalDirectory.ReadAll(journal).Select(record => record.Sequence));
    }

    [Fact]
    public async Task A_segment_wiped_from_a_record_on_is_skipped_to_the_next_segment()
    {
        await WriteRecords(100);
        var middle = Segment(33);
        using (var file = new FileStream(middle, FileMode.Open, FileAccess.Write))
        {
            file.Seek(OffsetOf(50, first: 33), SeekOrigin.Begin);
            file.Write(new byte[file.Length - file.Position]);
        }

        await using var journal = EventJournal.Open(_directory.Options(), _logger);
        var sequences = JournalDirectory.ReadAll(journal).Select(record => record.Sequence).ToList();

        Assert.Equal(Enumerable.Range(1, 49).Concat(Enumerable.Range(65, 36)).Select(n => (long)n), sequences);
        Assert.Equal(15, journal.GetMetrics().LostRecords);
    }

    [Fact]
    public async Task Lost_records_count_as_acknowledged_so_the_watermark_passes_them()
    {
        await WriteRecords(100);
        FlipByte(Segment(33), OffsetOf(40, first: 33) + 60);
        await using var journal = EventJournal.Open(_directory.Options(), _logger);

        foreach (var record in JournalDirectory.ReadAll(journal))
        {
            journal.Acknowledge(record.Sequence);
        }

        Assert.Equal(101, journal.Watermark);
        Assert.Equal(0, journal.GetMetrics().Depth);
    }

    [Fact]
    public async Task Corruption_in_the_last_segment_with_intact_records_after_it_is_not_cut_as_a_torn_tail()
    {
        await WriteRecords(100);
        var last = Segment(97);
        var length = new FileInfo(last).Length;
        FlipByte(last, OffsetOf(98, first: 97) + 30);

        await using (var journal = EventJournal.Open(_directory.Options(), _logger))
        {
            Assert.Equal(length, new FileInfo(last).Length);
            Assert.Equal(101, await journal.AppendAsync(JournalDirectory.Payload(101)));
        }

        await using var reopened = EventJournal.Open(_directory.Options(), _logger);
        Assert.Equal([97L, 99, 100, 101], JournalDirectory.ReadAll(reopened, from: 97).Select(record => record.Sequence));
    }

    [Fact]
    public async Task A_damaged_checkpoint_replays_every_record_on_disk()
    {
        await using (var journal = _directory.Open())
        {
            for (var n = 1; n <= 10; n++)
            {
                await journal.AppendAsync(JournalDirectory.Payload(n));
                journal.Acknowledge(n);
            }
        }
        FlipByte(Path.Combine(_directory.Path, AckCheckpoint.FileName), 9);

        await using var reopened = EventJournal.Open(_directory.Options(), _logger);

        Assert.Equal(1, reopened.Watermark);
        Assert.Contains(_logger.Entries, entry => entry.Message.Contains("checkpoint is damaged", StringComparison.Ordinal));
    }

    private string Segment(long first) => Path.Combine(_directory.Path, SegmentHeader.FileName(first));

    private static long OffsetOf(long sequence, long first) => 16 + ((sequence - first) * Frame);

    private static void FlipByte(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        var value = file.ReadByte();
        file.Seek(offset, SeekOrigin.Begin);
        file.WriteByte((byte)(value ^ 0x04));
    }

    private async Task WriteRecords(int count)
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, count);
    }

    public void Dispose() => _directory.Dispose();
}
