using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;
using GongGrid.Grains.Villages;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>A stuck gong sensor that strikes all night: reported as a fault, and its flood is not kept.</summary>
public sealed class FloodingDeviceTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_gong_striking_far_more_than_any_working_gong_has_its_excess_refused_with_a_reason_naming_it()
    {
        await using var grid = await GridHarness.StartAsync();
        var start = GridHarness.PeaceTime.AddMinutes(-50);
        var sent = new List<StrikeEvent>();
        for (var index = 0; index < VillageSignals.KeptPerDevice; index++)
        {
            var strike = new StrikeEvent(grid.NextEventId(), start + (index * Gap), grid.Sequence());
            grid.AdvanceTo(strike.DeviceTime);
            Assert.Equal(EventDisposition.Applied, (await grid.SendAsync(TestDistrict.Thon1Gong, strike)).Disposition);
            sent.Add(strike);
        }

        var oneTooMany = new StrikeEvent(grid.NextEventId(), start + (sent.Count * Gap), grid.Sequence());
        grid.AdvanceTo(oneTooMany.DeviceTime);
        var refused = await Assert.ThrowsAsync<DeviceFloodingException>(() => grid.SendAsync(TestDistrict.Thon1Gong, oneTooMany));

        Assert.Contains(TestDistrict.Thon1Gong, refused.Message);
        Assert.Equal(EventDisposition.Duplicate, (await grid.SendAsync(TestDistrict.Thon1Gong, sent[5])).Disposition);
        var press = new AlarmButtonEvent(grid.NextEventId(), oneTooMany.DeviceTime, grid.Sequence(), AlarmKind.Fire);
        Assert.Equal(EventDisposition.Applied, (await grid.SendAsync(TestDistrict.Thon1Button, press)).Disposition);
    }

    [Fact]
    public async Task A_flooding_gong_is_heard_again_once_its_flood_has_left_the_48_hour_window()
    {
        await using var grid = await GridHarness.StartAsync();
        var start = GridHarness.PeaceTime.AddMinutes(-50);
        for (var index = 0; index < VillageSignals.KeptPerDevice; index++)
        {
            var at = start + (index * Gap);
            grid.AdvanceTo(at);
            await grid.SendAsync(TestDistrict.Thon1Gong, new StrikeEvent(grid.NextEventId(), at, grid.Sequence()));
        }

        var twoNightsLater = GridHarness.PeaceTime.AddDays(2).AddHours(2);
        grid.AdvanceTo(twoNightsLater);
        var receipt = await grid.SendAsync(TestDistrict.Thon1Gong, new StrikeEvent(grid.NextEventId(), twoNightsLater, grid.Sequence()));

        Assert.Equal(EventDisposition.Applied, receipt.Disposition);
    }
}
