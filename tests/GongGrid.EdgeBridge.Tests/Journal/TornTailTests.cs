using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Tests.Journal;

/// <summary>A power loss or kill in the middle of a write leaves the last segment's tail torn; reopening cuts it.</summary>
public sealed class TornTailTests : IDisposable
{
    private const int Frame = 124;
    private readonly JournalDirectory _directory = new();

    public enum Damage
    {
        CutInLastHeader,
        CutInLastPayload,
        GarbageAppended,
        ZerosAppended,
        LastRecordZeroed,
    }

    [Theory]
    [InlineData(Damage.CutInLastHeader, 40)]
    [InlineData(Damage.CutInLastPayload, 40)]
    [InlineData(Damage.GarbageAppended, 41)]
    [InlineData(Damage.ZerosAppended, 41)]
    [InlineData(Damage.LastRecordZeroed, 40)]
    public async Task Reopening_keeps_exactly_the_intact_records_and_appends_go_on(Damage damage, int intact)
    {
        await WriteRecords(41);
        var last = Path.Combine(_directory.Path, "00000000000000000033.seg");
        var intactLength = 16 + ((intact - 32) * Frame);
        Tear(last, damage);
        var logger = new ListLogger();

        await using (var journal = EventJournal.Open(_directory.Options(), logger))
        {
            Assert.Equal(Enumerable.Range(1, intact).Select(n => (long)n), JournalDirectory.ReadAll(journal).Select(record => record.Sequence));
            Assert.Equal(JournalDirectory.Payload(intact), JournalDirectory.ReadAll(journal)[^1].Payload.ToArray());
            Assert.Equal(intactLength, new FileInfo(last).Length);
            var warning = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Warning);
            Assert.Contains(last, warning.Message, StringComparison.Ordinal);
            Assert.Contains($"offset {intactLength}", warning.Message, StringComparison.Ordinal);

            Assert.Equal(intact + 1, await journal.AppendAsync(JournalDirectory.Payload(100)));
        }

        // The repaired segment is clean: no further repair, and the new record follows the intact ones.
        var again = new ListLogger();
        await using var reopened = EventJournal.Open(_directory.Options(), again);
        var records = JournalDirectory.ReadAll(reopened);
        Assert.Equal(Enumerable.Range(1, intact + 1).Select(n => (long)n), records.Select(record => record.Sequence));
        Assert.Equal(JournalDirectory.Payload(100), records[^1].Payload.ToArray());
        Assert.Empty(again.Entries);
    }

    [Fact]
    public async Task A_segment_whose_header_was_torn_at_creation_is_rewritten()
    {
        await WriteRecords(32);
        var torn = Path.Combine(_directory.Path, "00000000000000000033.seg");
        await File.WriteAllBytesAsync(torn, [0x47, 0x47]);

        await using var journal = _directory.Open();

        Assert.Equal(33, await journal.AppendAsync(JournalDirectory.Payload(33)));
        Assert.Equal(33, JournalDirectory.ReadAll(journal).Count);
    }

    private async Task WriteRecords(int count)
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, count);
    }

    private static void Tear(string path, Damage damage)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var end = file.Length;
        switch (damage)
        {
            case Damage.CutInLastHeader:
                file.SetLength(end - Frame + 10);
                break;
            case Damage.CutInLastPayload:
                file.SetLength(end - 50);
                break;
            case Damage.GarbageAppended:
                file.Seek(0, SeekOrigin.End);
                var garbage = new byte[300];
                new Random(7).NextBytes(garbage);
                file.Write(garbage);
                break;
            case Damage.ZerosAppended:
                file.SetLength(end + 4096);
                break;
            case Damage.LastRecordZeroed:
                file.Seek(end - Frame, SeekOrigin.Begin);
                file.Write(new byte[Frame]);
                break;
        }
    }

    public void Dispose() => _directory.Dispose();
}
