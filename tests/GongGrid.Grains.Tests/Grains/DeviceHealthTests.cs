using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Reports;
using GongGrid.Grains.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Grains.Tests.Grains;

public sealed class DeviceHealthTests
{
    [Fact]
    public async Task A_silent_device_is_listed_offline_and_a_heartbeat_brings_it_back()
    {
        await using var grid = await GridHarness.StartAsync();
        grid.AdvanceTo(GridHarness.PeaceTime.AddMinutes(-55));
        await grid.SendAsync(TestDistrict.Thon1Gong, new HeartbeatEvent(grid.NextEventId(), grid.Clock.GetUtcNow(), grid.Sequence(), 87, -71));

        grid.AdvanceTo(GridHarness.PeaceTime.AddMinutes(-10));
        var offline = await Eventually.Until(grid.District.GetDevicesNeedingAttentionAsync, devices => devices.Any(device => device.DeviceKey == TestDistrict.Thon1Gong));

        var gong = offline.Single(device => device.DeviceKey == TestDistrict.Thon1Gong);
        Assert.False(gong.Online);
        Assert.Equal(87, gong.BatteryPercent);

        await grid.SendAsync(TestDistrict.Thon1Gong, new HeartbeatEvent(grid.NextEventId(), grid.Clock.GetUtcNow(), grid.Sequence(), 86, -70));
        Assert.DoesNotContain(await grid.District.GetDevicesNeedingAttentionAsync(), device => device.DeviceKey == TestDistrict.Thon1Gong);
    }

    [Fact]
    public async Task A_low_battery_needs_a_visit()
    {
        await using var grid = await GridHarness.StartAsync();

        await grid.SendAsync(TestDistrict.Thon2Gong, new HeartbeatEvent(grid.NextEventId(), grid.Clock.GetUtcNow(), grid.Sequence(), 12, null));

        var device = Assert.Single(await grid.District.GetDevicesNeedingAttentionAsync());
        Assert.Equal((TestDistrict.Thon2Gong, 12, true), (device.DeviceKey, device.BatteryPercent, device.Online));
    }

    [Fact]
    public async Task A_lost_gong_leaves_its_clusters_out_of_earshot_and_a_replaced_one_covers_them_again()
    {
        await using var grid = await GridHarness.StartAsync();
        var reports = new DistrictReports(grid.Grains);
        var before = await reports.CoverageGapsAsync(TestDistrict.Key, GridHarness.Night);
        Assert.Equal(["xom-xa"], before.Single(village => village.VillageKey == TestDistrict.Thon1).Gaps.Select(gap => gap.ClusterSlug));

        await grid.Grains.GetGrain<IGongDeviceGrain>(TestDistrict.Thon2Gong).SetConditionAsync(DeviceCondition.Lost);
        var lost = await reports.CoverageGapsAsync(TestDistrict.Key, GridHarness.Night);
        var thon2 = lost.Single(village => village.VillageKey == TestDistrict.Thon2);
        Assert.Equal(("xom-1", 80, (double?)null), (thon2.Gaps.Single().ClusterSlug, thon2.Gaps.Single().Households, thon2.Gaps.Single().NearestGongMeters));
        Assert.Contains(await grid.District.GetDevicesNeedingAttentionAsync(), device => device.DeviceKey == TestDistrict.Thon2Gong && device.Condition == DeviceCondition.Lost);

        await grid.Grains.GetGrain<IGongDeviceGrain>(TestDistrict.Thon2Gong).SetConditionAsync(DeviceCondition.Ok);
        Assert.DoesNotContain(await reports.CoverageGapsAsync(TestDistrict.Key, GridHarness.Night), village => village.VillageKey == TestDistrict.Thon2);
    }

    /// <summary>Issue 14, item 2: a redelivered heartbeat was applied again, so its clock skew was counted twice.</summary>
    [Fact]
    public async Task A_heartbeat_sent_again_is_a_duplicate_and_counts_its_skewed_clock_once()
    {
        await using var grid = await GridHarness.StartAsync();
        var heartbeat = new HeartbeatEvent("hb-1", new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), 1, 40, null);

        var first = await grid.SendAsync(TestDistrict.Thon1Gong, heartbeat);
        var again = await grid.SendAsync(TestDistrict.Thon1Gong, heartbeat);

        Assert.Equal((EventDisposition.Applied, true), (first.Disposition, first.ClockSkewed));
        Assert.Equal(EventDisposition.Duplicate, again.Disposition);
        var status = await grid.Grains.GetGrain<IGongDeviceGrain>(TestDistrict.Thon1Gong).GetStatusAsync();
        Assert.Equal((1L, 0L), (status.ClockSkewedEvents, status.SequenceGaps));
    }

    /// <summary>Issue 14, item 3: sequence numbers 1, 1000, 1, long.MaxValue made the gap count wrap negative.</summary>
    [Fact]
    public async Task Sequence_gaps_never_wrap_negative_however_far_a_counter_jumps()
    {
        await using var grid = await GridHarness.StartAsync();

        foreach (var sequence in new[] { 1, 1000, 1, long.MaxValue })
        {
            await grid.SendAsync(TestDistrict.Thon1Gong, new HeartbeatEvent(grid.NextEventId(), grid.Clock.GetUtcNow(), sequence, 80, null));
        }

        var status = await grid.Grains.GetGrain<IGongDeviceGrain>(TestDistrict.Thon1Gong).GetStatusAsync();
        Assert.Equal(long.MaxValue, status.SequenceGaps);
    }
}
