using GongGrid.Grains.Interfaces;
using GongGrid.Silo.Api.Services;

namespace GongGrid.Silo.Dashboard;

/// <summary>The communes (with their villages) a district or commune key covers, as the roster has them.</summary>
public static class ScopePlaces
{
    public static async Task<IReadOnlyList<CommuneSetup>> CommunesAsync(IGrainFactory grains, string districtOrCommuneKey)
    {
        await grains.EnsureInRosterAsync(districtOrCommuneKey);
        var keys = GrainKeys.Depth(districtOrCommuneKey) == 1
            ? (await grains.GetGrain<IDistrictGrain>(districtOrCommuneKey).GetSetupAsync()).Communes.Select(commune => commune.Key)
            : [districtOrCommuneKey];
        return await Task.WhenAll(keys.Select(key => grains.GetGrain<ICommuneGrain>(key).GetSetupAsync()));
    }
}
