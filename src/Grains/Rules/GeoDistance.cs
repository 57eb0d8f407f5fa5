using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Rules;

/// <summary>Great-circle distances between WGS84 points.</summary>
public static class GeoDistance
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>The haversine distance in meters (the mean Earth radius; well within a metre at village scale).</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var lat1 = Radians(a.Latitude);
        var lat2 = Radians(b.Latitude);
        var sinHalfDLat = Math.Sin((lat2 - lat1) / 2);
        var sinHalfDLon = Math.Sin(Radians(b.Longitude - a.Longitude) / 2);
        var h = (sinHalfDLat * sinHalfDLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinHalfDLon * sinHalfDLon);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
