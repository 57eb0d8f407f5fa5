using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

public sealed class CapacityAndLockTests : IDisposable
{
    private readonly JournalDirectory _directory = new();

    [Fact]
    public async Task A_full_journal_refuses_appends_clearly_and_takes_them_again_once_acks_free_a_segment()
    {
        await using var journal = _directory.Open(segmentBytes: 4096, maxTotalBytes: 3 * 4096);
        var appended = 0L;
        JournalFullException? full = null;
        while (full is null)
        {
            try
            {
                appended = await journal.AppendAsync(JournalDirectory.Payload(appended + 1));
            }
            catch (JournalFullException error)
            {
                full = error;
            }
        }

        // 12 KiB holds three full segments (16 + 32 x 124 bytes each) and two records in a fourth.
        Assert.Equal(98, appended);
        Assert.Contains("is full", full.Message, StringComparison.Ordinal);
        Assert.Contains("do not acknowledge it to the broker", full.Message, StringComparison.Ordinal);
        Assert.True(journal.GetMetrics().BytesOnDisk <= 3 * 4096);
        await Assert.ThrowsAsync<JournalFullException>(() => journal.AppendAsync(JournalDirectory.Payload(99)));

        for (var n = 1; n <= 40; n++)
        {
            journal.Acknowledge(n);
        }
        await journal.CheckpointAsync();

        // The refused appends took no sequence number.
        Assert.Equal(99, await journal.AppendAsync(JournalDirectory.Payload(99)));
        Assert.Equal(Enumerable.Range(41, 59).Select(n => (long)n), JournalDirectory.ReadAll(journal, 41).Select(record => record.Sequence));
    }

    [Fact]
    public async Task A_second_journal_on_the_same_directory_fails_clearly_until_the_first_is_closed()
    {
        var first = _directory.Open();

        var error = Assert.Throws<JournalLockedException>(() => _directory.Open());
        Assert.Contains(_directory.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("already open", error.Message, StringComparison.Ordinal);

        await first.DisposeAsync();
        await using var second = _directory.Open();
        Assert.Equal(1, await second.AppendAsync(JournalDirectory.Payload(1)));
    }

    [Fact]
    public async Task A_closed_journal_refuses_work()
    {
        var journal = _directory.Open();
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(JournalDirectory.Payload(1)));
        Assert.Throws<ObjectDisposedException>(() => journal.OpenReader());
    }

    [Fact]
    public async Task A_reader_waiting_for_records_is_told_when_the_journal_closes()
    {
        var journal = _directory.Open();
        using var reader = journal.OpenReader();
        var waiting = reader.ReadAsync(10);

        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Disposing_completes_the_appends_already_queued()
    {
        var journal = _directory.Open(segmentBytes: 64 * 1024);
        var appends = Enumerable.Range(1, 500).Select(n => journal.AppendAsync(JournalDirectory.Payload(n))).ToList();
        await journal.DisposeAsync();

        var sequences = await Task.WhenAll(appends);

        await using var reopened = _directory.Open(segmentBytes: 64 * 1024);
        Assert.Equal(sequences.Order(), JournalDirectory.ReadAll(reopened).Select(record => record.Sequence));
    }

    [Fact]
    public void Options_that_cannot_hold_two_segments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventJournal.Open(_directory.Options(4096, maxTotalBytes: 4096)));
    }

    public void Dispose() => _directory.Dispose();
}
