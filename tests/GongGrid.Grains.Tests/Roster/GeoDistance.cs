using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Tests.Roster;

/// <summary>Great-circle distances, to check where the generator puts clusters relative to gongs.</summary>
internal static class GeoDistance
{
    private const double EarthRadiusMeters = 6_371_000;

    public static double Meters(GeoPoint a, GeoPoint b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(h));
    }

    /// <summary>Clusters farther than <paramref name="meters"/> from every gong of their village.</summary>
    public static IEnumerable<ClusterRoster> ClustersBeyond(VillageRoster village, double meters) =>
        village.Clusters.Where(c => village.Devices.Where(d => d.Kind == DeviceKind.Gong).All(g => Meters(g.Location, c.Location) > meters));
}
