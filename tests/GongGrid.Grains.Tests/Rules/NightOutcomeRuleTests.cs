using System.Globalization;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class NightOutcomeRuleTests
{
    private static readonly SignalSettings Settings = new();

    private static readonly NightWindow Tonight = NightCalendar.Window(Hcm.Night, Settings);

    [Theory]
    [InlineData("20:59:59x9", NightOutcomeKind.Missed, 0, null)]
    [InlineData("21:00:00x9", NightOutcomeKind.Early, 9, "21:00:00")]
    [InlineData("21:57:59x9", NightOutcomeKind.Early, 9, "21:57:59")]
    [InlineData("21:58:00x9", NightOutcomeKind.OnTime, 9, "21:58:00")]
    [InlineData("22:00:00x9", NightOutcomeKind.OnTime, 9, "22:00:00")]
    [InlineData("22:05:00x9", NightOutcomeKind.OnTime, 9, "22:05:00")]
    [InlineData("22:05:01x9", NightOutcomeKind.Late, 9, "22:05:01")]
    [InlineData("22:59:59x9", NightOutcomeKind.Late, 9, "22:59:59")]
    [InlineData("23:00:00x9", NightOutcomeKind.Missed, 0, null)]
    [InlineData("22:00:00x8", NightOutcomeKind.Incomplete, 8, "22:00:00")]
    [InlineData("22:00:00x10", NightOutcomeKind.Incomplete, 10, "22:00:00")]
    [InlineData("", NightOutcomeKind.Missed, 0, null)]
    public void Single_round_is_judged_by_its_start_and_strike_count(string rounds, NightOutcomeKind kind, int strikeCount, string? startedAt)
    {
        var outcome = NightOutcomeRule.Evaluate(Tonight, Strikes(rounds), [], Settings, isFinal: true);

        Assert.Equal(Expected(kind, strikeCount, startedAt, isFinal: true), outcome);
    }

    [Theory]
    [InlineData("22:00:00x5;22:10:00x9", "", NightOutcomeKind.Late, 9, "22:10:00")]
    [InlineData("21:30:00x9;22:01:00x9", "", NightOutcomeKind.OnTime, 9, "22:01:00")]
    [InlineData("21:30:00x9;22:20:00x9", "", NightOutcomeKind.Late, 9, "22:20:00")]
    [InlineData("21:59:00x9;22:03:00x12", "", NightOutcomeKind.OnTime, 9, "21:59:00")]
    [InlineData("22:10:00x9;22:30:00x9", "", NightOutcomeKind.Late, 9, "22:10:00")]
    [InlineData("21:10:00x9;21:40:00x9", "", NightOutcomeKind.Early, 9, "21:40:00")]
    [InlineData("21:30:00x4;22:00:00x6;22:30:00x3", "", NightOutcomeKind.Incomplete, 6, "22:00:00")]
    [InlineData("22:10:00x9", "22:00:00", NightOutcomeKind.SpeakerPlayback, 0, "22:00:00")]
    [InlineData("22:01:00x9", "22:00:00", NightOutcomeKind.OnTime, 9, "22:01:00")]
    [InlineData("22:00:00x8", "22:30:00", NightOutcomeKind.Late, 0, "22:30:00")]
    [InlineData("", "21:58:00", NightOutcomeKind.SpeakerPlayback, 0, "21:58:00")]
    [InlineData("", "22:05:01", NightOutcomeKind.Late, 0, "22:05:01")]
    [InlineData("", "21:30:00", NightOutcomeKind.Early, 0, "21:30:00")]
    [InlineData("", "20:30:00;23:00:00", NightOutcomeKind.Missed, 0, null)]
    public void Best_of_several_rounds_and_playbacks_decides_the_night(
        string rounds, string playbacks, NightOutcomeKind kind, int strikeCount, string? startedAt)
    {
        var outcome = NightOutcomeRule.Evaluate(Tonight, Strikes(rounds), Times(playbacks), Settings, isFinal: true);

        Assert.Equal(Expected(kind, strikeCount, startedAt, isFinal: true), outcome);
    }

    [Fact]
    public void Two_gongs_of_a_village_struck_together_at_22_00_are_two_complete_rounds_not_one_of_eighteen_strikes()
    {
        var firstGong = Strikes("22:00:00x9");
        var secondGong = firstGong.Select(strike => strike.AddSeconds(1.5)).ToList();

        var outcome = NightOutcomeRule.Evaluate(Tonight, [firstGong, secondGong], [], Settings, isFinal: true);

        Assert.Equal(Expected(NightOutcomeKind.OnTime, 9, "22:00:00", isFinal: true), outcome);
    }

    [Fact]
    public void Round_starting_at_22_07_is_late_when_on_time_window_closes_at_22_05()
    {
        var outcome = NightOutcomeRule.Evaluate(Tonight, Strikes("22:07:00x9"), [], Settings, isFinal: true);

        Assert.Equal(NightOutcomeKind.Late, outcome.Kind);
    }

    [Theory]
    [InlineData("", false, NightOutcomeKind.Pending)]
    [InlineData("", true, NightOutcomeKind.Missed)]
    [InlineData("22:00:00x4", false, NightOutcomeKind.Incomplete)]
    [InlineData("22:00:00x9", false, NightOutcomeKind.OnTime)]
    public void Night_with_the_window_still_open_is_pending_until_a_round_is_heard(string rounds, bool isFinal, NightOutcomeKind kind)
    {
        var outcome = NightOutcomeRule.Evaluate(Tonight, Strikes(rounds), [], Settings, isFinal);

        Assert.Equal((kind, isFinal), (outcome.Kind, outcome.IsFinal));
    }

    [Fact]
    public void Alarm_struck_at_22_00_is_not_a_peace_round()
    {
        var alarm = Hcm.AtMilliseconds(Hcm.Tonight("22:00:00"), "0,400,800,5000,5400,5800,10000,10400,10800");

        var outcome = NightOutcomeRule.Evaluate(Tonight, alarm, [], Settings, isFinal: true);

        Assert.Equal(NightOutcomeKind.Missed, outcome.Kind);
    }

    [Fact]
    public void Peace_round_stays_complete_when_an_alarm_follows_it_within_seconds()
    {
        var strikes = Strikes("22:00:00x9").Concat(Hcm.AtMilliseconds(Hcm.Tonight("22:00:40"), "0,400,800,5000,5400,5800")).ToList();

        var outcome = NightOutcomeRule.Evaluate(Tonight, strikes, [], Settings, isFinal: true);

        Assert.Equal(Expected(NightOutcomeKind.OnTime, 9, "22:00:00", isFinal: true), outcome);
    }

    [Fact]
    public void Round_begun_before_the_window_opens_does_not_count_from_the_opening()
    {
        var outcome = NightOutcomeRule.Evaluate(Tonight, Strikes("20:59:50x9"), [], Settings, isFinal: true);

        Assert.Equal(NightOutcomeKind.Missed, outcome.Kind);
    }

    [Fact]
    public void Round_given_in_UTC_at_15_00_is_on_time_for_22_00_local()
    {
        var strikes = Hcm.Round(Hcm.Parse("2025-06-01T15:00:00Z"), 9).ToList();

        var outcome = NightOutcomeRule.Evaluate(Tonight, strikes, [], Settings, isFinal: true);

        Assert.Equal(Expected(NightOutcomeKind.OnTime, 9, "22:00:00", isFinal: true), outcome);
    }

    [Fact]
    public void Round_struck_at_00_10_belongs_to_the_previous_evening_when_the_late_window_crosses_midnight()
    {
        var settings = Hcm.Settings("peace-23:30");
        var strikes = Hcm.Round(Hcm.At(Hcm.Night.AddDays(1), "00:10:00"), 9).ToList();

        var night = NightCalendar.NightOf(strikes[0], settings);
        var outcome = NightOutcomeRule.Evaluate(NightCalendar.Window(Hcm.Night, settings), strikes, [], settings, isFinal: true);

        Assert.Equal(Hcm.Night, night);
        Assert.Equal(new NightOutcome(Hcm.Night, NightOutcomeKind.Late, 9, strikes[0], true), outcome);
    }

    [Theory]
    [InlineData("21:01:00x5", NightOutcomeKind.OnTime, 5)]
    [InlineData("21:01:00x4", NightOutcomeKind.Incomplete, 4)]
    [InlineData("21:30:00x5", NightOutcomeKind.Late, 5)]
    [InlineData("22:00:00x9", NightOutcomeKind.Missed, 0)]
    public void Commune_with_five_strikes_at_21_00_is_judged_by_its_own_override(string rounds, NightOutcomeKind kind, int strikeCount)
    {
        var settings = Hcm.Settings("commune-21:00x5");

        var outcome = NightOutcomeRule.Evaluate(NightCalendar.Window(Hcm.Night, settings), Strikes(rounds), [], settings, isFinal: true);

        Assert.Equal((kind, strikeCount), (outcome.Kind, outcome.StrikeCount));
    }

    private static NightOutcome Expected(NightOutcomeKind kind, int strikeCount, string? startedAt, bool isFinal) =>
        new(Hcm.Night, kind, strikeCount, startedAt is null ? null : Hcm.Tonight(startedAt), isFinal);

    /// <summary>Rounds written "22:00:00x9;22:10:00x5": start (local, tonight) and strike count, 4 s apart.</summary>
    private static List<DateTimeOffset> Strikes(string rounds) =>
    [
        .. rounds.Split(';', StringSplitOptions.RemoveEmptyEntries).SelectMany(round =>
        {
            var parts = round.Split('x');
            return Hcm.Round(Hcm.Tonight(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }),
    ];

    private static List<DateTimeOffset> Times(string localTimes) =>
        [.. localTimes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Hcm.Tonight)];
}
