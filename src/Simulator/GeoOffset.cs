using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Simulator;

/// <summary>Places a point some distance from another, on a local flat-earth approximation (fine for a few km).</summary>
internal static class GeoOffset
{
    private const double MetersPerDegreeLatitude = 111_320;

    /// <summary>A point between <paramref name="minMeters"/> and <paramref name="maxMeters"/> from <paramref name="center"/>, any direction.</summary>
    public static GeoPoint Around(Random random, GeoPoint center, double minMeters, double maxMeters)
    {
        var meters = minMeters + (random.NextDouble() * (maxMeters - minMeters));
        var bearing = random.NextDouble() * 2 * Math.PI;
        var north = meters * Math.Cos(bearing);
        var east = meters * Math.Sin(bearing);
        var latitude = center.Latitude + (north / MetersPerDegreeLatitude);
        var longitude = center.Longitude + (east / (MetersPerDegreeLatitude * Math.Cos(center.Latitude * Math.PI / 180)));

        // Six decimals is about 10 cm: precise enough, and the roster file stays readable.
        return new GeoPoint(Math.Round(latitude, 6), Math.Round(longitude, 6));
    }
}
