using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class AlarmPatternTests
{
    private static readonly SignalSettings Settings = new();

    private static readonly DateTimeOffset Start = Hcm.Tonight("01:30:00");

    [Theory]
    [InlineData("nine strikes 4 s apart", "0,4000,8000,12000,16000,20000,24000,28000,32000", "")]
    [InlineData("a single group of 3 rapid strikes", "0,400,800", "")]
    [InlineData("3 + 3 rapid, 5 s apart", "0,400,800,5800,6200,6600", "0:2")]
    [InlineData("3 + 3 rapid, second group exactly 15 s after the first's last strike", "0,400,800,15800,16200,16600", "0:2")]
    [InlineData("3 + 3 rapid, second group 15.001 s after", "0,400,800,15801,16201,16601", "")]
    [InlineData("3 + 3 + 3 + 3 + 3 rapid", "0,300,600,4000,4300,4600,8000,8300,8600,12000,12300,12600,16000,16300,16600", "0:5")]
    [InlineData("3 + 3 strikes exactly 1 s apart (not rapid)", "0,1000,2000,6000,7000,8000", "")]
    [InlineData("3 + 4 rapid (a group of 4 is no alarm group)", "0,400,800,5000,5400,5800,6200", "")]
    [InlineData("3 + 1 + 3 rapid (a stray strike breaks the repetition)", "0,400,800,5000,10000,10400,10800", "")]
    [InlineData("two alarms a minute apart", "0,400,800,5000,5400,5800,65000,65400,65800,70000,70400,70800", "0:2,65000:2")]
    [InlineData("no strikes", "", "")]
    public void Alarm_bursts_are_repeated_groups_of_three_rapid_strikes(string because, string strikeMs, string expectedBursts)
    {
        var scan = AlarmPattern.Find(Hcm.AtMilliseconds(Start, strikeMs), Settings);

        var found = string.Join(",", scan.Bursts.Select(burst => $"{(burst.StartedAt - Start).TotalMilliseconds}:{burst.GroupCount}"));
        Assert.True(expectedBursts == found, $"{because}: expected bursts '{expectedBursts}', found '{found}'");
    }

    [Fact]
    public void A_burst_spans_from_its_first_strike_to_its_last()
    {
        var scan = AlarmPattern.Find(Hcm.AtMilliseconds(Start, "0,400,800,5800,6200,6600"), Settings);

        Assert.Equal(new AlarmBurst(Start, Start.AddMilliseconds(6600), 2), Assert.Single(scan.Bursts));
    }

    [Fact]
    public void A_peace_round_followed_by_an_alarm_yields_both_and_the_alarm_strikes_are_not_in_the_round()
    {
        var peace = Hcm.Round(Hcm.Tonight("22:00:00"), 9).ToList();
        var alarm = Hcm.AtMilliseconds(peace[^1].AddSeconds(5), "0,400,800,5000,5400,5800");

        var scan = AlarmPattern.Find(peace.Concat(alarm), Settings);
        var round = Assert.Single(PeaceRound.Split(scan.OtherStrikes, Settings));

        Assert.Equal(new AlarmBurst(alarm[0], alarm[^1], 2), Assert.Single(scan.Bursts));
        Assert.Equal(alarm, scan.AlarmStrikes);
        Assert.Equal(new PeaceRound(peace[0], peace[^1], 9), round);
    }

    [Fact]
    public void Three_rapid_strikes_that_are_a_village_s_whole_peace_round_stay_with_the_other_strikes()
    {
        var strikes = Hcm.AtMilliseconds(Hcm.Tonight("22:00:00"), "0,500,1000");

        var scan = AlarmPattern.Find(strikes, Settings);

        Assert.Empty(scan.AlarmStrikes);
        Assert.Equal(strikes, scan.OtherStrikes);
    }

    [Fact]
    public void Strikes_in_any_order_give_the_same_scan_as_sorted_strikes()
    {
        var sorted = Hcm.AtMilliseconds(Start, "0,400,800,5000,9000,9400,9800,12000,12400,12800");
        var shuffled = sorted.Reverse().ToArray();

        var fromSorted = AlarmPattern.Find(sorted, Settings);
        var fromShuffled = AlarmPattern.Find(shuffled, Settings);

        Assert.Equal(fromSorted.Bursts, fromShuffled.Bursts);
        Assert.Equal(fromSorted.AlarmStrikes, fromShuffled.AlarmStrikes);
        Assert.Equal(fromSorted.OtherStrikes, fromShuffled.OtherStrikes);
    }
}
