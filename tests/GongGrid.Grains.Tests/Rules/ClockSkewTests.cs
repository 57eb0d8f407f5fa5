using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset ReceivedAt = Hcm.Tonight("22:00:30");

    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(0, false)]
    [InlineData(-30, false)]
    [InlineData(-120, false)]
    [InlineData(120, false)]
    [InlineData(-121, true)]
    [InlineData(121, true)]
    [InlineData(-3600, true)]
    [InlineData(86400, true)]
    public void Device_time_is_trusted_up_to_the_limit_in_either_direction(int deviceAheadSeconds, bool skewed)
    {
        var deviceTime = ReceivedAt.AddSeconds(deviceAheadSeconds);

        var resolved = ClockSkew.Resolve(deviceTime, ReceivedAt, MaxSkew);

        Assert.Equal((skewed ? ReceivedAt : deviceTime, skewed), resolved);
    }

    [Fact]
    public void Device_time_exactly_at_the_limit_to_the_tick_is_not_skewed()
    {
        var deviceTime = ReceivedAt - MaxSkew;

        Assert.False(ClockSkew.Resolve(deviceTime, ReceivedAt, MaxSkew).Skewed);
        Assert.True(ClockSkew.Resolve(deviceTime.AddTicks(-1), ReceivedAt, MaxSkew).Skewed);
    }
}
