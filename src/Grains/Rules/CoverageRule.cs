using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Rules;

/// <summary>"Propose more gongs where residents are too far away": finds clusters out of earshot of every working gong.</summary>
public static class CoverageRule
{
    /// <summary>True for a gong in <see cref="DeviceCondition.Ok"/> condition; lost and damaged gongs cover nobody.</summary>
    public static bool IsWorkingGong(DeviceRoster device) =>
        device.Kind == DeviceKind.Gong && device.Condition == DeviceCondition.Ok;

    /// <summary>
    /// The clusters farther than <paramref name="radiusMeters"/> from every working gong among
    /// <paramref name="devices"/> (any kinds and conditions; pass neighbouring villages' gongs too if they carry),
    /// most households first, then farthest first (no gong at all is farthest), then by slug.
    /// </summary>
    public static IReadOnlyList<CoverageGap> FindGaps(
        IReadOnlyList<ClusterRoster> clusters,
        IEnumerable<DeviceRoster> devices,
        double radiusMeters)
    {
        var gongs = devices.Where(IsWorkingGong).Select(device => device.Location).ToList();
        return clusters
            .Select(cluster => new CoverageGap(cluster.Slug, cluster.Name, cluster.Households, NearestMeters(cluster.Location, gongs)))
            .Where(gap => gap.NearestGongMeters is not { } meters || meters > radiusMeters)
            .OrderByDescending(gap => gap.Households)
            .ThenByDescending(gap => gap.NearestGongMeters ?? double.PositiveInfinity)
            .ThenBy(gap => gap.ClusterSlug, StringComparer.Ordinal)
            .ToList();
    }

    private static double? NearestMeters(GeoPoint from, IReadOnlyList<GeoPoint> gongs) =>
        gongs.Count == 0 ? null : gongs.Min(gong => GeoDistance.Meters(from, gong));
}
