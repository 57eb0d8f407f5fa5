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

    private static IEnumerable<DeviceEvent> Events(string pass)
    {
        var index = 0;
        foreach (var commune in Roster.Communes)
        {
            foreach (var village in commune.Villages)
            {
                var villageKey = $"{Roster.Key}/{commune.Slug}/{village.Slug}";
                foreach (var deviceEvent in VillageEvents(villageKey, village, index++, pass))
                {
                    yield return deviceEvent;
                }
            }
        }
    }

    private static IEnumerable<DeviceEvent> VillageEvents(string villageKey, VillageRoster village, int index, string pass)
    {
        if (index % 7 == 3)
        {
            yield break;
        }
        if (village.PeaceSignal == PeaceSignalSource.Speaker && village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Speaker) is { } speaker)
        {
            yield return New($"{villageKey}/{speaker.Slug}", $"{pass}play-1", 1, TonightInTheCluster.PeaceAt, deviceEvent => deviceEvent.Playback = new Playback { Program = PlaybackProgram.Peace });
            yield break;
        }
        if (village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Gong) is not { } gong)
        {
            yield break;
        }
        var strikes = index % 5 == 1 ? 5 : 9;
        for (var strike = 1; strike <= strikes; strike++)
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
