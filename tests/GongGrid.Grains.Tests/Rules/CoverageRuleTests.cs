using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class CoverageRuleTests
{
    private const double Radius = 800;

    // 0.001 degree of latitude is about 111.2 m.
    private static readonly GeoPoint VillageHall = new(20.1000, 105.3000);

    private static readonly IReadOnlyList<ClusterRoster> Clusters =
    [
        new("xom-dinh", "Xóm Đình", North(0.003), 120),
        new("xom-bai", "Xóm Bãi", North(0.010), 80),
        new("xom-doi", "Xóm Đồi", North(0.020), 200),
    ];

    [Theory]
    [InlineData(DeviceKind.Gong, DeviceCondition.Ok, true)]
    [InlineData(DeviceKind.Gong, DeviceCondition.Damaged, false)]
    [InlineData(DeviceKind.Gong, DeviceCondition.Lost, false)]
    [InlineData(DeviceKind.Speaker, DeviceCondition.Ok, false)]
    [InlineData(DeviceKind.AlarmButton, DeviceCondition.Ok, false)]
    public void Only_a_gong_in_ok_condition_is_working(DeviceKind kind, DeviceCondition condition, bool working)
    {
        Assert.Equal(working, CoverageRule.IsWorkingGong(Device(kind, condition, VillageHall)));
    }

    [Fact]
    public void Clusters_out_of_earshot_of_the_hall_gong_are_gaps_most_households_first()
    {
        var gaps = CoverageRule.FindGaps(Clusters, [Device(DeviceKind.Gong, DeviceCondition.Ok, VillageHall)], Radius);

        Assert.Equal(["xom-doi", "xom-bai"], gaps.Select(gap => gap.ClusterSlug));
        Assert.Equal(("Xóm Đồi", 200), (gaps[0].ClusterName, gaps[0].Households));
        Assert.Equal(2223.9, gaps[0].NearestGongMeters!.Value, tolerance: 0.1);
        Assert.Equal(1111.95, gaps[1].NearestGongMeters!.Value, tolerance: 0.1);
    }

    [Theory]
    [InlineData(DeviceCondition.Ok, "xom-bai")]
    [InlineData(DeviceCondition.Damaged, "xom-doi,xom-bai")]
    [InlineData(DeviceCondition.Lost, "xom-doi,xom-bai")]
    public void Lost_or_damaged_gong_covers_nobody(DeviceCondition hillGong, string expectedGaps)
    {
        DeviceRoster[] devices =
        [
            Device(DeviceKind.Gong, DeviceCondition.Ok, VillageHall),
            Device(DeviceKind.Gong, hillGong, North(0.019)),
        ];

        var gaps = CoverageRule.FindGaps(Clusters, devices, Radius);

        Assert.Equal(expectedGaps, string.Join(",", gaps.Select(gap => gap.ClusterSlug)));
    }

    [Fact]
    public void Without_any_working_gong_every_cluster_is_a_gap_with_no_distance()
    {
        DeviceRoster[] devices =
        [
            Device(DeviceKind.Gong, DeviceCondition.Lost, VillageHall),
            Device(DeviceKind.Speaker, DeviceCondition.Ok, VillageHall),
        ];

        var gaps = CoverageRule.FindGaps(Clusters, devices, Radius);

        Assert.Equal(["xom-doi", "xom-dinh", "xom-bai"], gaps.Select(gap => gap.ClusterSlug));
        Assert.All(gaps, gap => Assert.Null(gap.NearestGongMeters));
    }

    [Fact]
    public void Cluster_exactly_at_the_audible_radius_is_covered()
    {
        var cluster = new ClusterRoster("xom-ria", "Xóm Rìa", North(0.005), 50);
        var meters = GeoDistance.Meters(VillageHall, cluster.Location);
        DeviceRoster[] gong = [Device(DeviceKind.Gong, DeviceCondition.Ok, VillageHall)];

        Assert.Empty(CoverageRule.FindGaps([cluster], gong, meters));
        Assert.Single(CoverageRule.FindGaps([cluster], gong, meters - 0.01));
    }

    [Fact]
    public void Clusters_with_equal_households_list_the_farthest_first()
    {
        ClusterRoster[] clusters = [new("gan", "Gần", North(0.010), 100), new("xa", "Xa", North(0.020), 100)];

        var gaps = CoverageRule.FindGaps(clusters, [Device(DeviceKind.Gong, DeviceCondition.Ok, VillageHall)], Radius);

        Assert.Equal(["xa", "gan"], gaps.Select(gap => gap.ClusterSlug));
    }

    private static GeoPoint North(double degrees) => VillageHall with { Latitude = VillageHall.Latitude + degrees };

    private static DeviceRoster Device(DeviceKind kind, DeviceCondition condition, GeoPoint location) =>
        new($"{kind}-{location.Latitude}", kind, location, "Nhà văn hóa thôn", condition);
}
