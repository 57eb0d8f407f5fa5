using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// Where things are, from the roster's coordinates, for the page to draw its own map (no tiles from the internet):
/// every village in scope with its gongs, buttons, speakers and residential clusters. Tonight's outcomes, device
/// conditions and coverage gaps the page takes from the API and colours this with.
/// </summary>
public sealed class DistrictMap(IGrainFactory grains)
{
    public async Task<MapOfPlaces> DrawAsync(string districtOrCommuneKey)
    {
        var communes = await ScopePlaces.CommunesAsync(grains, districtOrCommuneKey);
        var villages = await Task.WhenAll(communes.SelectMany(commune => commune.Villages).Select(async village =>
        {
            var roster = await grains.GetGrain<IVillageRosterGrain>(village.Key).GetAsync();
            return new MapVillage(
                village.Key, roster.Name, roster.Location.Latitude, roster.Location.Longitude, roster.Households,
                [.. roster.Devices.Select(device => new MapDevice(
                    GrainKeys.Child(village.Key, device.Slug), device.Kind.ToString(), device.Place, device.Location.Latitude, device.Location.Longitude))],
                [.. roster.Clusters.Select(cluster => new MapCluster(cluster.Slug, cluster.Name, cluster.Location.Latitude, cluster.Location.Longitude, cluster.Households))]);
        }));
        var name = GrainKeys.Depth(districtOrCommuneKey) == 1
            ? (await grains.GetGrain<IDistrictGrain>(districtOrCommuneKey).GetSetupAsync()).Name
            : communes[0].Name;
        var audible = communes.Count == 0 ? new SignalSettings().AudibleRadiusMeters : communes[0].Settings.AudibleRadiusMeters;
        return new MapOfPlaces(districtOrCommuneKey, name, audible, [.. communes.Select(commune => new MapCommune(commune.Key, commune.Name))], villages);
    }
}

public sealed record MapOfPlaces(string Key, string Name, double AudibleRadiusMeters, IReadOnlyList<MapCommune> Communes, IReadOnlyList<MapVillage> Villages);

public sealed record MapCommune(string Key, string Name);

public sealed record MapVillage(string Key, string Name, double Latitude, double Longitude, int Households, IReadOnlyList<MapDevice> Devices, IReadOnlyList<MapCluster> Clusters);

public sealed record MapDevice(string Key, string Kind, string Place, double Latitude, double Longitude);

public sealed record MapCluster(string Slug, string Name, double Latitude, double Longitude, int Households);
