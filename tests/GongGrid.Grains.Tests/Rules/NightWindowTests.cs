using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class NightWindowTests
{
    private static readonly NightWindow Window = NightCalendar.Window(Hcm.Night, new SignalSettings());

    [Theory]
    [InlineData("20:59:59", null)]
    [InlineData("21:00:00", NightOutcomeKind.Early)]
    [InlineData("21:57:59", NightOutcomeKind.Early)]
    [InlineData("21:58:00", NightOutcomeKind.OnTime)]
    [InlineData("22:05:00", NightOutcomeKind.OnTime)]
    [InlineData("22:05:01", NightOutcomeKind.Late)]
    [InlineData("22:59:59", NightOutcomeKind.Late)]
    [InlineData("23:00:00", null)]
    public void Start_time_is_early_on_time_or_late_by_the_window_edges(string localStart, NightOutcomeKind? expected)
    {
        Assert.Equal(expected, Window.TimingOf(Hcm.Tonight(localStart)));
    }
}
