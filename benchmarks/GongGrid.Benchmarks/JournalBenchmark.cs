using System.Diagnostics;
using GongGrid.EdgeBridge.Journal;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `journal` scenario: the edge bridge's journal on this machine's disk (a temporary directory). 64 concurrent
/// appenders write 200,000 records of 120 bytes; each append completes only once fsynced, so the rate is the
/// number of events a bridge could acknowledge to its broker per second. Then one reader reads them all back and
/// acknowledges each, with the checkpoint that deletes the segments. A single appender shows what one fsync
/// costs without group commit. A first, smaller run warms up; the figures are medians of 3 runs.
/// </summary>
internal static class JournalBenchmark
{
    private const int Runs = 3;
    private const int Records = 200_000;
    private const int Appenders = 64;
    private const int PayloadBytes = 120;

    public static async Task RunAsync()
    {
        Report.Heading($"journal: {Records:N0} appends of {PayloadBytes} bytes from {Appenders} appenders, fsynced, in {Path.GetTempPath()}");
        await MeasureAsync(Records / 10, Appenders);
        var runs = new List<Measurement>();
        for (var run = 0; run < Runs; run++)
        {
            runs.Add(await MeasureAsync(Records, Appenders));
        }
        Figure("appends/s (each completed after its fsync)", runs, run => run.AppendsPerSecond, "/s");
        Figure("fsyncs/s (one write and fsync per batch)", runs, run => run.BatchesPerSecond, "/s");
        Figure("records per batch", runs, run => run.RecordsPerBatch, "");
        Figure("reads + acks/s (one reader, then the checkpoint)", runs, run => run.ReadAcksPerSecond, "/s");
        var single = await MeasureAsync(2_000, appenders: 1);
        Report.Figure("appends/s from 1 appender (one fsync each, no sharing)", single.AppendsPerSecond, "/s");
    }

    private static void Figure(string label, List<Measurement> runs, Func<Measurement, double> figure, string unit)
    {
        var values = runs.Select(figure).ToList();
        Report.Figure(label, Report.Median(values), unit, values);
    }

    private static async Task<Measurement> MeasureAsync(int records, int appenders)
    {
        var directory = Directory.CreateTempSubdirectory("gonggrid-journal-bench-");
        try
        {
            await using var journal = EventJournal.Open(new JournalOptions { Directory = directory.FullName });
            var payload = new byte[PayloadBytes];
            Random.Shared.NextBytes(payload);
            var perAppender = records / appenders;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
            {
                for (var n = 0; n < perAppender; n++)
                {
                    await journal.AppendAsync(payload);
                }
            })));
            var appendSeconds = stopwatch.Elapsed.TotalSeconds;
            var metrics = journal.GetMetrics();
            var appended = perAppender * appenders;

            stopwatch.Restart();
            using (var reader = journal.OpenReader())
            {
                for (var read = 0; read < appended;)
                {
                    foreach (var record in await reader.ReadAsync(1000))
                    {
                        journal.Acknowledge(record.Sequence);
                        read++;
                    }
                }
            }
            await journal.CheckpointAsync();
            var readSeconds = stopwatch.Elapsed.TotalSeconds;
            return new Measurement(
                appended / appendSeconds,
                metrics.BatchesWritten / appendSeconds,
                (double)metrics.RecordsWritten / metrics.BatchesWritten,
                appended / readSeconds);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record Measurement(double AppendsPerSecond, double BatchesPerSecond, double RecordsPerBatch, double ReadAcksPerSecond);
}
