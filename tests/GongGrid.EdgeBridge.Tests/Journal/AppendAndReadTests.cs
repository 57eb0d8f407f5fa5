using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

public sealed class AppendAndReadTests : IDisposable
{
    private readonly JournalDirectory _directory = new();

    [Fact]
    public async Task Appended_records_read_back_in_order_with_their_append_time()
    {
        await using var journal = _directory.Open();
        for (var n = 1; n <= 5; n++)
        {
            Assert.Equal(n, await journal.AppendAsync(JournalDirectory.Payload(n)));
            _directory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var records = JournalDirectory.ReadAll(journal);

        Assert.Equal([1L, 2, 3, 4, 5], records.Select(record => record.Sequence));
        Assert.Equal(JournalDirectory.Payload(3), records[2].Payload.ToArray());
        Assert.Equal(JournalDirectory.Start.AddSeconds(2), records[2].AppendedAt);
    }

    [Fact]
    public async Task Sequence_numbers_go_on_after_a_reopen()
    {
        await using (var journal = _directory.Open())
        {
            await journal.AppendAsync(JournalDirectory.Payload(1));
            await journal.AppendAsync(JournalDirectory.Payload(2));
        }

        await using var reopened = _directory.Open();

        Assert.Equal(3, await reopened.AppendAsync(JournalDirectory.Payload(3)));
        Assert.Equal([1L, 2, 3], JournalDirectory.ReadAll(reopened).Select(record => record.Sequence));
    }

    [Fact]
    public async Task Concurrent_appends_are_all_durable_distinct_and_in_order()
    {
        await using (var journal = _directory.Open(segmentBytes: 64 * 1024))
        {
            var sequences = await Task.WhenAll(Enumerable.Range(0, 32).Select(appender => Task.Run(async () =>
            {
                var mine = new List<(long Sequence, byte[] Payload)>();
                for (var n = 0; n < 200; n++)
                {
                    var payload = JournalDirectory.Payload((appender * 1000) + n, 40 + n);
                    mine.Add((await journal.AppendAsync(payload), payload));
                }
                return mine;
            })));
            var all = sequences.SelectMany(mine => mine).ToList();
            Assert.Equal(Enumerable.Range(1, 6400).Select(n => (long)n), all.Select(item => item.Sequence).Order());
            // Appends share fsyncs: 32 appenders put many records in each batch (about 32 on a quiet machine).
            var metrics = journal.GetMetrics();
            Assert.True(metrics.RecordsWritten >= 4 * metrics.BatchesWritten, $"{metrics.BatchesWritten} batches");
            foreach (var appender in sequences)
            {
                Assert.Equal(appender.Select(item => item.Sequence).Order(), appender.Select(item => item.Sequence));
            }
        }

        // What a reopened journal reads is exactly what the appenders were told.
        await using var reopened = _directory.Open(segmentBytes: 64 * 1024);
        var records = JournalDirectory.ReadAll(reopened);
        Assert.Equal(6400, records.Count);
        Assert.Equal(Enumerable.Range(1, 6400).Select(n => (long)n), records.Select(record => record.Sequence));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_a_record_is_appended()
    {
        await using var journal = _directory.Open();
        using var reader = journal.OpenReader();

        var read = reader.ReadAsync(10);
        Assert.False(read.IsCompleted);
        await journal.AppendAsync(JournalDirectory.Payload(1));

        var records = await read.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, Assert.Single(records).Sequence);
        Assert.Equal(2, reader.NextSequence);
    }

    [Fact]
    public async Task A_reader_opened_mid_journal_starts_at_its_sequence()
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, 100);

        using var reader = journal.OpenReader(57);

        Assert.Equal([57L, 58, 59], reader.Read(3).Select(record => record.Sequence));
        Assert.Equal(JournalDirectory.Payload(60), reader.Read(1)[0].Payload.ToArray());
    }

    [Fact]
    public async Task An_oversized_payload_is_refused_and_nothing_is_written()
    {
        await using var journal = _directory.Open();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.AppendAsync(new byte[1025]));
        Assert.Equal(1, await journal.AppendAsync(new byte[1024]));
    }

    public void Dispose() => _directory.Dispose();
}
