using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class PeaceRoundTests
{
    private static readonly SignalSettings Settings = new();

    private static readonly DateTimeOffset Start = Hcm.Tonight("22:00:00");

    [Theory]
    [InlineData("", "")]
    [InlineData("0", "0+0x1")]
    [InlineData("0,4000,8000,12000,16000,20000,24000,28000,32000", "0+32000x9")]
    [InlineData("0,20000,40000", "0+40000x3")]
    [InlineData("0,20001,40002", "0+0x1,20001+0x1,40002+0x1")]
    [InlineData("0,4000,8000,60000,64000", "0+8000x3,60000+4000x2")]
    [InlineData("64000,0,8000,60000,4000", "0+8000x3,60000+4000x2")]
    public void Strikes_at_most_20_s_apart_form_one_round(string strikeMs, string expectedRounds)
    {
        var rounds = PeaceRound.Split(Hcm.AtMilliseconds(Start, strikeMs), Settings);

        var found = string.Join(",", rounds.Select(round =>
            $"{(round.StartedAt - Start).TotalMilliseconds}+{(round.LastStrikeAt - round.StartedAt).TotalMilliseconds}x{round.StrikeCount}"));
        Assert.Equal(expectedRounds, found);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void Round_is_complete_with_exactly_nine_strikes_and_a_tenth_strike_makes_it_incomplete(int strikes, bool expected)
    {
        Assert.Equal(expected, new PeaceRound(Start, Start.AddSeconds(40), strikes).IsComplete(Settings));
    }
}
