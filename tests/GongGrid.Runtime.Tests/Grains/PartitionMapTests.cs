using GongGrid.Runtime.Placement;

namespace GongGrid.Runtime.Tests.Grains;

public sealed class PartitionMapTests
{
    private readonly PartitionMap _map = new(partitionCount: 64, placementKeySegments: 2);

    [Theory]
    [InlineData("ngoc-lac/cao-thinh")]
    [InlineData("ngoc-lac/cao-thinh/lang-moi")]
    [InlineData("ngoc-lac/cao-thinh/lang-moi/gong-1")]
    public void A_communes_villages_and_devices_share_its_partition(string key) =>
        Assert.Equal(_map.PartitionOf(new GrainId("commune", "ngoc-lac/cao-thinh")), _map.PartitionOf(new GrainId("device", key)));

    [Fact]
    public void Partitions_are_stable_numbers_in_range_and_spread_communes()
    {
        var partitions = Enumerable.Range(0, 500).Select(index => _map.PartitionOf(new GrainId("commune", $"district/commune-{index}"))).ToList();

        Assert.All(partitions, partition => Assert.InRange(partition, 0, 63));
        Assert.True(partitions.Distinct().Count() > 50);
        Assert.Equal(partitions, Enumerable.Range(0, 500).Select(index => new PartitionMap(64, 2).PartitionOf(new GrainId("x", $"district/commune-{index}"))));
    }
}
