using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Api.Services;

/// <summary>Whether a place a request names is in the roster.</summary>
public static class RosterPlaces
{
    /// <summary>
    /// Throws NOT_FOUND (through <c>GrainErrors</c>) unless the district or commune is in the roster, so a list
    /// narrowed to a mistyped commune is not answered as an empty one. Call it after the scope check, so a token
    /// learns nothing of places outside its scope.
    /// </summary>
    public static async Task EnsureInRosterAsync(this IGrainFactory grains, string districtOrCommuneKey)
    {
        if (GrainKeys.Depth(districtOrCommuneKey) == 1)
        {
            await grains.GetGrain<IDistrictGrain>(districtOrCommuneKey).GetSetupAsync();
        }
        else
        {
            await grains.GetGrain<ICommuneGrain>(districtOrCommuneKey).GetSetupAsync();
        }
    }
}
