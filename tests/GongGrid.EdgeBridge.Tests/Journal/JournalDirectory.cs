using System.Text;
using GongGrid.EdgeBridge.Journal;
using GongGrid.Testing;

namespace GongGrid.EdgeBridge.Tests.Journal;

/// <summary>A fresh temporary directory for one test's journal, removed afterwards, and small-journal options.</summary>
public sealed class JournalDirectory : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 21, 0, 0, TimeSpan.Zero);

    public string Path { get; } = Directory.CreateTempSubdirectory("gonggrid-journal-").FullName;

    public ManualTimeProvider Clock { get; } = new(Start);

    /// <summary>4 KiB segments, so a few dozen records roll over; room for 16 of them.</summary>
    public JournalOptions Options(long segmentBytes = 4096, long? maxTotalBytes = null) => new()
    {
        Directory = Path,
        SegmentBytes = segmentBytes,
        MaxRecordBytes = 1024,
        MaxTotalBytes = maxTotalBytes ?? 16 * segmentBytes,
        TimeProvider = Clock,
        CheckpointInterval = TimeSpan.FromSeconds(1),
    };

    public EventJournal Open(long segmentBytes = 4096, long? maxTotalBytes = null) =>
        EventJournal.Open(Options(segmentBytes, maxTotalBytes));

    public string[] SegmentFiles() =>
        [.. Directory.GetFiles(Path, "*.seg").Select(System.IO.Path.GetFileName).Order()!];

    public static byte[] Payload(long n, int size = 100)
    {
        var text = $"event-{n}:";
        return Encoding.ASCII.GetBytes(text.PadRight(Math.Max(size, text.Length), (char)('a' + (n % 26))));
    }

    /// <summary>
    /// Appends payloads 1 to <paramref name="count"/> all at once, so they share a few fsyncs; each append takes
    /// its sequence number when called, so record n carries payload n.
    /// </summary>
    public static async Task AppendMany(EventJournal journal, int count)
    {
        var sequences = await Task.WhenAll(Enumerable.Range(1, count).Select(n => journal.AppendAsync(Payload(n))));
        Assert.Equal(Enumerable.Range(1, count).Select(n => (long)n), sequences);
    }

    public static List<JournalRecord> ReadAll(EventJournal journal, long from = 1)
    {
        using var reader = journal.OpenReader(from);
        var records = new List<JournalRecord>();
        while (reader.Read(1000) is { Count: > 0 } batch)
        {
            records.AddRange(batch);
        }
        return records;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file; the temp directory is cleaned eventually anyway.
        }
    }
}
