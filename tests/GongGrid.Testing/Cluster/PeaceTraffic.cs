using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Testing.Processes;
using DeviceKind = GongGrid.Grains.Interfaces.DeviceKind;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// The 22:00 burst of the sample district, the same every run: most gong villages strike a full round on time,
/// every fifth strikes an incomplete one (5 strikes), every seventh stays silent, speaker villages play the peace
/// programme. Event ids are fixed, so an event sent again is a duplicate the grid must not count twice.
/// </summary>
public static class PeaceTraffic
{
    private const int FullRound = 9;

    public static DistrictRoster Roster { get; } = RosterReader.ReadFile(ProjectOutput.RepositoryFile("samples/ngoc-lac.roster.json")).GetRosterOrThrow();

    public static IEnumerable<string> CommuneKeys => Roster.Communes.Select(commune => $"{Roster.Key}/{commune.Slug}");

    /// <summary>
    /// Every event of the burst, in batches of <paramref name="batchSize"/> as a bridge would send them; another
    /// <paramref name="pass"/> gives the same strikes new event ids (a benchmark's next round, not duplicates).
    /// </summary>
    public static IReadOnlyList<DeviceEvent[]> Batches(int batchSize = 40, string pass = "") =>
        [.. Events(pass).Chunk(batchSize)];

    /// <summary>The number of strikes each village is sent (and so must count, once each).</summary>
    public static Dictionary<string, int> StrikesPerVillage() =>
        Events("").Where(deviceEvent => deviceEvent.Strike is not null)
            .GroupBy(deviceEvent => deviceEvent.DeviceKey[..deviceEvent.DeviceKey.LastIndexOf('/')])
            .ToDictionary(village => village.Key, village => village.Count());

    /// <summary>
    /// Tonight's final counts this traffic must give once the night closes: a full round on time, a short round
    /// incomplete, a speaker's peace programme played, a village that sent nothing missed.
    /// </summary>
    public static OutcomeCounts ExpectedFinalCounts()
    {
        var counts = new OutcomeCounts();
        foreach (var (_, plan) in Villages())
        {
            counts.Villages++;
            _ = plan switch
            {
                { Speaker: not null } => counts.SpeakerPlayback++,
                { Gong: not null, Strikes: FullRound } => counts.OnTime++,
                { Gong: not null } => counts.Incomplete++,
                _ => counts.Missed++,
            };
        }
        return counts;
    }

    /// <summary>What one village sends tonight: its speaker's peace programme, a round on its gong, or nothing (both null).</summary>
    private sealed record VillagePlan(DeviceRoster? Speaker, DeviceRoster? Gong, int Strikes);

    private static IEnumerable<(string VillageKey, VillagePlan Plan)> Villages()
    {
        var index = 0;
        foreach (var commune in Roster.Communes)
        {
            foreach (var village in commune.Villages)
            {
                yield return ($"{Roster.Key}/{commune.Slug}/{village.Slug}", Plan(village, index++));
            }
        }
    }

    private static VillagePlan Plan(VillageRoster village, int index)
    {
        if (index % 7 == 3)
        {
            return new VillagePlan(null, null, 0);
        }
        if (village.PeaceSignal == PeaceSignalSource.Speaker && village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Speaker) is { } speaker)
        {
            return new VillagePlan(speaker, null, 0);
        }
        return new VillagePlan(null, village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Gong), index % 5 == 1 ? 5 : FullRound);
    }

    private static IEnumerable<DeviceEvent> Events(string pass) =>
        Villages().SelectMany(village => VillageEvents(village.VillageKey, village.Plan, pass));

    private static IEnumerable<DeviceEvent> VillageEvents(string villageKey, VillagePlan plan, string pass)
    {
        if (plan.Speaker is { } speaker)
        {
            yield return New($"{villageKey}/{speaker.Slug}", $"{pass}play-1", 1, TonightInTheCluster.PeaceAt, deviceEvent => deviceEvent.Playback = new Playback { Program = PlaybackProgram.Peace });
            yield break;
        }
        if (plan.Gong is not { } gong)
        {
            yield break;
        }
        for (var strike = 1; strike <= plan.Strikes; strike++)
        {
            yield return New($"{villageKey}/{gong.Slug}", $"{pass}strike-{strike}", strike, TonightInTheCluster.PeaceAt.AddSeconds(4 * (strike - 1)), deviceEvent => deviceEvent.Strike = new Strike());
        }
    }

    private static DeviceEvent New(string deviceKey, string eventId, long sequence, DateTimeOffset at, Action<DeviceEvent> kind)
    {
        var deviceEvent = new DeviceEvent { DeviceKey = deviceKey, EventId = eventId, Sequence = sequence, DeviceTime = Timestamp.FromDateTimeOffset(at) };
        kind(deviceEvent);
        return deviceEvent;
    }
}
