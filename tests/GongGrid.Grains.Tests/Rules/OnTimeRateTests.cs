using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class OnTimeRateTests
{
    [Theory]
    [InlineData("", 0, 0, null)]
    [InlineData("OnTime,OnTime,Late,Missed", 2, 4, 0.5)]
    [InlineData("SpeakerPlayback,OnTime,Early,Incomplete", 2, 4, 0.5)]
    [InlineData("OnTime,OnTime,Pending?,OnTime?", 2, 2, 1.0)]
    [InlineData("Missed", 0, 1, 0.0)]
    public void On_time_rate_counts_final_nights_and_speaker_playbacks_count_as_on_time(
        string kinds, int onTimeNights, int nights, double? ratio)
    {
        // "Kind?" marks an outcome that is not yet final.
        var outcomes = kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((kind, day) => new NightOutcome(
            Hcm.Night.AddDays(day),
            Enum.Parse<NightOutcomeKind>(kind.TrimEnd('?')),
            0,
            null,
            IsFinal: !kind.EndsWith('?')));

        var rate = OnTimeRate.Of(outcomes);

        Assert.Equal((onTimeNights, nights, ratio), (rate.OnTimeNights, rate.Nights, rate.Ratio));
    }

    [Fact]
    public void Quarterly_rate_counts_only_the_quarter_s_nights()
    {
        var quarter = new Quarter(2025, 2);
        NightOutcome[] outcomes =
        [
            new(Hcm.Date("2025-03-31"), NightOutcomeKind.Missed, 0, null, true),
            new(Hcm.Date("2025-04-01"), NightOutcomeKind.OnTime, 9, null, true),
            new(Hcm.Date("2025-06-30"), NightOutcomeKind.Late, 9, null, true),
            new(Hcm.Date("2025-07-01"), NightOutcomeKind.Missed, 0, null, true),
        ];

        var rate = OnTimeRate.Of(outcomes.Where(outcome => quarter.Contains(outcome.Night)));

        Assert.Equal(new OnTimeRate(1, 2), rate);
    }
}
