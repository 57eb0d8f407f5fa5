using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

public sealed class AcknowledgementTests : IDisposable
{
    private readonly JournalDirectory _directory = new();

    [Fact]
    public async Task Segments_roll_at_the_configured_size_and_are_named_by_their_first_sequence()
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, 100);

        // 124-byte frames, 4 KiB segments: 32 records each after the 16-byte header.
        Assert.Equal(
            ["00000000000000000001.seg", "00000000000000000033.seg", "00000000000000000065.seg", "00000000000000000097.seg"],
            _directory.SegmentFiles());
        Assert.All(Directory.GetFiles(_directory.Path, "*.seg"), path => Assert.True(new FileInfo(path).Length <= 4096));
        Assert.Equal(100, JournalDirectory.ReadAll(journal).Count);
    }

    [Fact]
    public async Task Acknowledged_segments_are_deleted_from_disk_at_the_checkpoint()
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, 100);
        var bytesBefore = journal.GetMetrics().BytesOnDisk;

        for (var n = 1; n <= 70; n++)
        {
            journal.Acknowledge(n);
        }
        await journal.CheckpointAsync();

        // 1-32 and 33-64 are acknowledged whole; 65-96 still holds 71 and up.
        Assert.Equal(["00000000000000000065.seg", "00000000000000000097.seg"], _directory.SegmentFiles());
        var metrics = journal.GetMetrics();
        Assert.Equal(bytesBefore - (2 * (16 + (32 * 124))), metrics.BytesOnDisk);
        Assert.Equal(2, metrics.SegmentCount);
        Assert.Equal(30, metrics.Depth);
        Assert.Equal(71, JournalDirectory.ReadAll(journal, journal.Watermark).First().Sequence);
        Assert.Equal(65, JournalDirectory.ReadAll(journal, from: 1).First().Sequence);
    }

    [Fact]
    public async Task A_reader_inside_a_deleted_segment_goes_on_from_the_oldest_segment_left()
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, 100);
        using var reader = journal.OpenReader();
        Assert.Equal(10, reader.Read(10).Count);

        for (var n = 1; n <= 70; n++)
        {
            journal.Acknowledge(n);
        }
        await journal.CheckpointAsync();

        // 11 to 64 went with their segments (acknowledged); the reader picks up where the files begin.
        Assert.Equal(65, reader.Read(1)[0].Sequence);
    }

    [Fact]
    public async Task Out_of_order_acks_move_the_watermark_only_past_a_closed_gap()
    {
        await using var journal = _directory.Open();
        await JournalDirectory.AppendMany(journal, 10);

        foreach (var sequence in new long[] { 3, 2, 5, 4 })
        {
            journal.Acknowledge(sequence);
        }
        Assert.Equal(1, journal.Watermark);
        Assert.Equal(6, journal.GetMetrics().Depth);

        journal.Acknowledge(1);
        Assert.Equal(6, journal.Watermark);
        Assert.Equal(5, journal.GetMetrics().Depth);
    }

    [Fact]
    public async Task The_watermark_survives_a_reopen_and_replay_starts_there()
    {
        await using (var journal = _directory.Open())
        {
            await JournalDirectory.AppendMany(journal, 10);
            foreach (var sequence in new long[] { 2, 1, 4, 3, 7 })
            {
                journal.Acknowledge(sequence);
            }
        }

        await using var reopened = _directory.Open();
        using var reader = reopened.OpenReader();

        // 7 was acknowledged above the gap at 5, so only the watermark (5) was kept: 7 comes again, harmlessly.
        Assert.Equal(5, reopened.Watermark);
        Assert.Equal([5L, 6, 7, 8, 9, 10], reader.Read(100).Select(record => record.Sequence));
    }

    [Fact]
    public async Task The_background_checkpoint_writes_the_watermark_without_being_asked()
    {
        var options = _directory.Options() with { TimeProvider = TimeProvider.System, CheckpointInterval = TimeSpan.Zero };
        await using var journal = EventJournal.Open(options);
        await JournalDirectory.AppendMany(journal, 40);
        for (var n = 1; n <= 40; n++)
        {
            journal.Acknowledge(n);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_directory.SegmentFiles().Length > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(["00000000000000000033.seg"], _directory.SegmentFiles());
        Assert.True(AckCheckpoint.TryRead(_directory.Path, out var watermark));
        Assert.Equal(41, watermark);
    }

    [Fact]
    public async Task Metrics_report_the_oldest_unacknowledged_record_and_when_it_was_appended()
    {
        await using var journal = _directory.Open();
        for (var n = 1; n <= 50; n++)
        {
            await journal.AppendAsync(JournalDirectory.Payload(n));
            _directory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal((1L, JournalDirectory.Start), Oldest(journal.GetMetrics()));

        for (var n = 1; n <= 40; n++)
        {
            journal.Acknowledge(n);
        }

        var metrics = journal.GetMetrics();
        Assert.Equal((41L, JournalDirectory.Start.AddMinutes(40)), Oldest(metrics));
        Assert.Equal(10, metrics.Depth);
        Assert.Equal(51, metrics.NextSequence);

        for (var n = 41; n <= 50; n++)
        {
            journal.Acknowledge(n);
        }
        Assert.Null(journal.GetMetrics().OldestUnacknowledgedSequence);
    }

    [Fact]
    public async Task Acknowledging_a_sequence_never_appended_is_a_caller_error()
    {
        await using var journal = _directory.Open();
        await journal.AppendAsync(JournalDirectory.Payload(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => journal.Acknowledge(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => journal.Acknowledge(0));
    }

    private static (long?, DateTimeOffset?) Oldest(JournalMetrics metrics) =>
        (metrics.OldestUnacknowledgedSequence, metrics.OldestUnacknowledgedAppendedAt);

    public void Dispose() => _directory.Dispose();
}
