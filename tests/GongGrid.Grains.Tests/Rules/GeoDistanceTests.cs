using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class GeoDistanceTests
{
    [Theory]
    [InlineData(20.0, 105.0, 20.0, 105.0, 0.0, 0.001)]
    [InlineData(0.0, 0.0, 1.0, 0.0, 111_195.08, 0.01)]
    [InlineData(20.0, 105.0, 20.0072, 105.0, 800.6, 0.1)]
    [InlineData(21.0285, 105.8542, 10.7725, 106.6980, 1_143_969, 1)]
    public void Haversine_distance_matches_known_distances(double lat1, double lon1, double lat2, double lon2, double meters, double tolerance)
    {
        var a = new GeoPoint(lat1, lon1);
        var b = new GeoPoint(lat2, lon2);

        Assert.Equal(meters, GeoDistance.Meters(a, b), tolerance);
        Assert.Equal(GeoDistance.Meters(a, b), GeoDistance.Meters(b, a), 1e-9);
    }
}
