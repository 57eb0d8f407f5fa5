using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Simulator;

/// <summary>Generates one village: 1-3 gongs, some alarm buttons and speakers, 2-6 residential clusters, 1-3 strikers.</summary>
internal static class SyntheticVillage
{
    /// <summary>Share of villages with one cluster 1.5-3 km out, beyond earshot of every gong (a coverage gap).</summary>
    private const double FarClusterShare = 0.12;

    /// <summary>Gongs hang within this distance of the village centre, so a far cluster is over 1.2 km from all of them.</summary>
    private const double GongSpreadMeters = 250;

    public static VillageRoster Create(Random random, string slug, string name, GeoPoint center, bool speakerPeaceSignal)
    {
        var households = random.Next(100, 601);
        var devices = new List<DeviceRoster>();
        AddDevices(random, devices, DeviceKind.Gong, "gong", 1 + Weighted(random, 0.4, 0.4), center, GongSpreadMeters, VietnameseNames.GongPlaces);
        AddDevices(random, devices, DeviceKind.AlarmButton, "alarm-button", Weighted(random, 0.35, 0.45), center, 400, VietnameseNames.ButtonPlaces);
        var speakers = speakerPeaceSignal ? 1 : random.NextDouble() < 0.08 ? 1 : 0;
        AddDevices(random, devices, DeviceKind.Speaker, "speaker", speakers, center, 200, VietnameseNames.SpeakerPlaces);

        return new VillageRoster(
            slug,
            name,
            center,
            households,
            speakerPeaceSignal ? PeaceSignalSource.Speaker : PeaceSignalSource.Gong,
            new Officer(VietnameseNames.Person(random), VietnameseNames.Phone(random)),
            devices,
            Clusters(random, center, households),
            Strikers(random, speakerPeaceSignal ? 1 : random.Next(1, 4)));
    }

    private static void AddDevices(
        Random random, List<DeviceRoster> devices, DeviceKind kind, string slugStem, int count, GeoPoint center, double spreadMeters, string[] places)
    {
        var shuffled = Shuffled(random, places);
        for (var i = 0; i < count; i++)
        {
            var location = GeoOffset.Around(random, center, 0, spreadMeters);
            devices.Add(new DeviceRoster($"{slugStem}-{i + 1}", kind, location, shuffled[i % shuffled.Length], Condition(random)));
        }
    }

    private static List<ClusterRoster> Clusters(Random random, GeoPoint center, int households)
    {
        var count = random.Next(2, 7);
        var names = Shuffled(random, VietnameseNames.ClusterNames);
        var weights = Enumerable.Range(0, count).Select(_ => random.Next(1, 4)).ToArray();
        var farIndex = random.NextDouble() < FarClusterShare ? count - 1 : -1;
        var totalWeight = weights.Sum();
        var clusters = new List<ClusterRoster>(count);
        var left = households;
        for (var i = 0; i < count; i++)
        {
            var share = i == count - 1 ? left : households * weights[i] / totalWeight;
            left -= share;
            var location = i == farIndex
                ? GeoOffset.Around(random, center, 1_500, 3_000)
                : GeoOffset.Around(random, center, 100, 700);
            clusters.Add(new ClusterRoster(Slug.FromName(names[i]), names[i], location, share));
        }

        return clusters;
    }

    private static List<StrikerRoster> Strikers(Random random, int count)
    {
        var ids = new UniqueSlugs();
        var strikers = new List<StrikerRoster>(count);
        for (var i = 0; i < count; i++)
        {
            var name = VietnameseNames.Person(random, menShare: 0.85);
            var allowance = 20_000 + (5_000 * random.Next(0, 7));
            strikers.Add(new StrikerRoster(ids.Claim(Slug.FromName(name)), name, allowance));
        }

        return strikers;
    }

    // Mostly fine; a few gongs and devices are reported damaged or lost and need replacing.
    private static DeviceCondition Condition(Random random) => random.NextDouble() switch
    {
        < 0.90 => DeviceCondition.Ok,
        < 0.97 => DeviceCondition.Damaged,
        _ => DeviceCondition.Lost,
    };

    // 0, 1 or 2, with the given chances of 0 and 1.
    private static int Weighted(Random random, double zero, double one) => random.NextDouble() switch
    {
        var x when x < zero => 0,
        var x when x < zero + one => 1,
        _ => 2,
    };

    private static string[] Shuffled(Random random, string[] items)
    {
        var copy = (string[])items.Clone();
        random.Shuffle(copy);
        return copy;
    }
}
