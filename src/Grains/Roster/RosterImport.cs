using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>
/// Applies a validated roster to the grains, top down: district, communes, villages, devices. It runs outside
/// every grain, so configuration calls flow down while event calls flow up, and neither waits on the other.
/// </summary>
public sealed class RosterImport(IGrainFactory grains)
{
    /// <summary>Grains configured at once; enough to keep storage batching busy without flooding it.</summary>
    private const int Parallelism = 64;

    public async Task<RosterImportSummary> ApplyAsync(DistrictRoster roster, CancellationToken cancellationToken = default)
    {
        var communes = roster.Communes.Select(commune => Plan(roster, commune)).ToList();
        await grains.Get<IDistrictGrain>(roster.Key).ConfigureAsync(new DistrictSetup(roster.Key, roster.Name, roster.Settings,
            communes.Select(commune => new CommuneEntry(commune.Setup.Key, commune.Setup.Name, commune.Villages.Count)).ToList()));
        await ForEach(communes, commune => grains.Get<ICommuneGrain>(commune.Setup.Key).ConfigureAsync(commune.Setup), cancellationToken);
        var villages = communes.SelectMany(commune => commune.Villages).ToList();
        await ForEach(villages, village => grains.Get<IVillageGrain>(village.Key).ConfigureAsync(village), cancellationToken);
        var devices = villages.SelectMany(village => village.Roster.Devices.Select(device =>
            new DeviceSetup(GrainKeys.Child(village.Key, device.Slug), device, village.Settings))).ToList();
        await ForEach(devices, device => grains.Get<IGongDeviceGrain>(device.Key).ConfigureAsync(device), cancellationToken);
        return new RosterImportSummary(roster.Key, communes.Count, villages.Count, devices.Count);
    }

    private static CommunePlan Plan(DistrictRoster roster, CommuneRoster commune)
    {
        var key = GrainKeys.Child(roster.Key, commune.Slug);
        var settings = roster.Settings.With(commune.Overrides);
        var villages = commune.Villages.Select(village => new VillageSetup(GrainKeys.Child(key, village.Slug), village, settings)).ToList();
        var setup = new CommuneSetup(key, commune.Name, commune.Officer, settings,
            villages.Select(village => new VillageEntry(village.Key, village.Roster.Name)).ToList());
        return new CommunePlan(setup, villages);
    }

    private static Task ForEach<T>(IEnumerable<T> items, Func<T, Task> configure, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, _) => await configure(item));

    private sealed record CommunePlan(CommuneSetup Setup, IReadOnlyList<VillageSetup> Villages);
}

/// <summary>What an import configured.</summary>
public sealed record RosterImportSummary(string DistrictKey, int Communes, int Villages, int Devices);
