using System.Diagnostics;
using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Tests.Journal;

/// <summary>
/// The real thing: a child process appends concurrently and is killed with SIGKILL mid-way, twice, the second
/// time after recovering from the first. Every append it was told had completed must be in the reopened journal,
/// intact, unless the grid acknowledged it (the child's reader acknowledges older records as it goes).
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly JournalDirectory _directory = new();

    [Fact]
    public async Task Every_append_confirmed_before_a_kill_9_is_in_the_reopened_journal()
    {
        var confirmed = new Dictionary<long, byte[]>();
        var lastAck = 0L;
        foreach (var round in new[] { 3000, 6000 })
        {
            foreach (var line in await RunChildUntilKilled(confirmed.Count + round))
            {
                var fields = line.Split(' ');
                if (fields[0] == "append")
                {
                    confirmed.Add(long.Parse(fields[1]), JournalKillChild.Payload(int.Parse(fields[2]), int.Parse(fields[3])));
                }
                else
                {
                    lastAck = Math.Max(lastAck, long.Parse(fields[1]));
                }
            }
        }

        await using var journal = EventJournal.Open(JournalKillChild.Options(_directory.Path));
        var records = JournalDirectory.ReadAll(journal, journal.Watermark).ToDictionary(record => record.Sequence);
        Assert.InRange(journal.Watermark, 1, lastAck + 1);
        var missing = confirmed.Keys.Where(sequence => sequence >= journal.Watermark && !records.ContainsKey(sequence)).ToList();
        Assert.Empty(missing);
        Assert.All(confirmed.Where(entry => entry.Key >= journal.Watermark),
            entry => Assert.Equal(entry.Value, records[entry.Key].Payload.ToArray()));
        Assert.Equal(0, journal.GetMetrics().LostRecords);
        Assert.True(confirmed.Keys.Max() < journal.NextSequence);
    }

    /// <summary>Starts the child, lets it confirm at least <paramref name="appends"/> appends in all, kills it.</summary>
    private async Task<List<string>> RunChildUntilKilled(int appends)
    {
        var assembly = typeof(JournalKillChild).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost(), ["exec", assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[JournalKillChild.DirectoryVariable] = _directory.Path;
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        var appended = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (appended < appends && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                appended += line.StartsWith("append", StringComparison.Ordinal) ? 1 : 0;
            }
        }
        finally
        {
            child.Kill(); // SIGKILL: no finally blocks, no flush, no dispose in the child.
            await child.WaitForExitAsync();
        }
        Assert.True(appended >= appends, $"The child confirmed only {appended} appends: {await errors}");
        // Lines written before the kill are still in the pipe; a last line without its newline was cut mid-write.
        var rest = await child.StandardOutput.ReadToEndAsync();
        var tail = rest.Split('\n');
        lines.AddRange(tail[..^1].Where(line => line.Length > 0));
        return lines;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    public void Dispose() => _directory.Dispose();
}
