using GongGrid.Testing;

namespace GongGrid.Silo.Tests.Support;

/// <summary>
/// The 22:00 burst cut short: imports <see cref="KillHuyen"/>, streams a full peace round from every village's gong
/// into <c>ingest -</c> the way a bridge does (a few events in flight, the next one sent as an ack comes back), and
/// sends SIGKILL once 40% are acknowledged, so the kill always lands with events in flight. Every ack the silo
/// wrote before it died is counted, including those still in the pipe when the kill landed: each is a promise.
/// </summary>
public sealed class KilledIngest : IDisposable
{
    /// <summary>Events sent and not yet acknowledged. Without a bound the silo races through all of them (~2 ms each) before the kill lands.</summary>
    private const int InFlight = 4;

    private KilledIngest(ScratchDirectory scratch, string eventsFile, IReadOnlyList<EventLine> events, IReadOnlyList<IngestAck> acks, SiloRun killed)
    {
        Scratch = scratch;
        EventsFile = eventsFile;
        Events = events;
        Acks = acks;
        Killed = killed;
    }

    public ScratchDirectory Scratch { get; }

    /// <summary>The whole night as a file, for a replay.</summary>
    public string EventsFile { get; }

    /// <summary>Every event, in the order sent (village by village).</summary>
    public IReadOnlyList<EventLine> Events { get; }

    /// <summary>The acknowledgements printed before the kill.</summary>
    public IReadOnlyList<IngestAck> Acks { get; }

    /// <summary>The killed ingest process: its exit and everything it printed.</summary>
    public SiloRun Killed { get; }

    public static async Task<KilledIngest> RunAsync()
    {
        var scratch = new ScratchDirectory();
        try
        {
            await KillHuyen.ImportAsync(scratch);
            var events = DeviceEventLines.PeaceRounds(KillHuyen.Gongs);
            var eventsFile = scratch.WriteLines("night.jsonl", events.Select(line => line.Json));
            var killAfter = KillAfter(events.Count);

            await using var ingest = SiloProcess.Start(scratch.Path, "ingest", "-", "--data", scratch.Data, "--clock", KillHuyen.IngestClock);
            var sent = 0;
            for (; sent < InFlight; sent++)
            {
                await ingest.WriteLineAsync(events[sent].Json);
            }
            var acks = 0;
            while (await ingest.ReadLineAsync() is { } line)
            {
                if (IngestAck.Parse(line) is null || acks == killAfter)
                {
                    continue; // after the kill: only reading what the silo wrote before it died
                }
                if (++acks == killAfter)
                {
                    ingest.Kill();
                }
                else if (sent < events.Count)
                {
                    await ingest.WriteLineAsync(events[sent++].Json);
                }
            }
            var killed = await ingest.WaitForExitAsync();
            return new KilledIngest(scratch, eventsFile, events, IngestAck.All(killed.Output), killed);
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// About 40% of the night, at the worst moment: whole rounds, then 8 strikes of the next, so the event in flight
    /// when the kill lands is the strike that turns a village from incomplete to on time.
    /// </summary>
    private static int KillAfter(int events) =>
        (events * 2 / 5 / DeviceEventLines.PeaceStrikes * DeviceEventLines.PeaceStrikes) + DeviceEventLines.PeaceStrikes - 1;

    /// <summary>How many of a village's events were acknowledged before the kill.</summary>
    public int AckedIn(string villageKey) =>
        Events.Count(line => line.VillageKey == villageKey && Acks.Any(ack => ack.Acknowledges(line)));

    public void Dispose() => Scratch.Dispose();
}
