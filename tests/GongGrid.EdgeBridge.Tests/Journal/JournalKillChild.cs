using System.Diagnostics;
using System.Text;
using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

/// <summary>
/// The child process of <see cref="KillTests"/>: appends from 16 concurrent appenders and prints
/// <c>append SEQ APPENDER N</c> after each append completed, while a reader acknowledges what is more than 500
/// records old, printing <c>ack SEQ</c> before it acknowledges. It runs until killed (or 30 s, if forgotten).
/// </summary>
public static class JournalKillChild
{
    public const string DirectoryVariable = "GONGGRID_JOURNAL_KILL_CHILD_DIR";

    public static JournalOptions Options(string directory) => new()
    {
        Directory = directory,
        SegmentBytes = 16 * 1024,
        MaxRecordBytes = 1024,
        MaxTotalBytes = 256L * 1024 * 1024,
        CheckpointInterval = TimeSpan.FromMilliseconds(20),
    };

    public static byte[] Payload(int appender, int n) =>
        Encoding.ASCII.GetBytes($"appender {appender} record {n} ".PadRight(40 + (n * 7 % 150), (char)('a' + appender)));

    internal static int Run(string directory)
    {
        var journal = EventJournal.Open(Options(directory));
        var deadline = Stopwatch.StartNew();
        var appenders = Enumerable.Range(0, 16).Select(appender => Task.Run(async () =>
        {
            for (var n = 0; deadline.Elapsed < TimeSpan.FromSeconds(30); n++)
            {
                var sequence = await journal.AppendAsync(Payload(appender, n));
                Console.Out.WriteLine($"append {sequence} {appender} {n}");
            }
        }));
        var acknowledger = Task.Run(async () =>
        {
            using var reader = journal.OpenReader();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                foreach (var record in await reader.ReadAsync(100))
                {
                    while (record.Sequence > journal.NextSequence - 500)
                    {
                        await Task.Delay(2);
                    }
                    Console.Out.WriteLine($"ack {record.Sequence}");
                    journal.Acknowledge(record.Sequence);
                }
            }
        });
        Task.WaitAll([.. appenders, acknowledger]);
        return 0;
    }
}
