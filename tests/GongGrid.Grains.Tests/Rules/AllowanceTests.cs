using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class AllowanceTests
{
    private static readonly IReadOnlyList<StrikerRoster> Strikers =
    [
        new("ong-an", "Ông An", 30_000),
        new("ong-binh", "Ông Bình", 25_000),
        new("ba-chi", "Bà Chi", 20_000),
    ];

    private static readonly NightStruck[] Nights =
    [
        new(Hcm.Date("2025-05-31"), NightOutcomeKind.OnTime, "ong-an"),
        new(Hcm.Date("2025-06-01"), NightOutcomeKind.OnTime, "ong-an"),
        new(Hcm.Date("2025-06-02"), NightOutcomeKind.Late, "ong-an"),
        new(Hcm.Date("2025-06-02"), NightOutcomeKind.Late, "ong-an"),
        new(Hcm.Date("2025-06-03"), NightOutcomeKind.Early, "ong-binh"),
        new(Hcm.Date("2025-06-04"), NightOutcomeKind.Incomplete, "ong-binh"),
        new(Hcm.Date("2025-06-05"), NightOutcomeKind.Missed, "ong-binh"),
        new(Hcm.Date("2025-06-06"), NightOutcomeKind.SpeakerPlayback, "ong-an"),
        new(Hcm.Date("2025-06-07"), NightOutcomeKind.Pending, "ong-an"),
        new(Hcm.Date("2025-06-30"), NightOutcomeKind.OnTime, "ong-binh"),
        new(Hcm.Date("2025-06-15"), NightOutcomeKind.OnTime, "ong-dung"),
        new(Hcm.Date("2025-07-01"), NightOutcomeKind.OnTime, "ong-an"),
        new(Hcm.Date("2024-06-10"), NightOutcomeKind.OnTime, "ong-an"),
    ];

    [Theory]
    [InlineData(NightOutcomeKind.OnTime, true)]
    [InlineData(NightOutcomeKind.Late, true)]
    [InlineData(NightOutcomeKind.Early, true)]
    [InlineData(NightOutcomeKind.Incomplete, false)]
    [InlineData(NightOutcomeKind.Missed, false)]
    [InlineData(NightOutcomeKind.SpeakerPlayback, false)]
    [InlineData(NightOutcomeKind.Pending, false)]
    public void Night_is_paid_only_when_a_complete_round_was_struck(NightOutcomeKind kind, bool paid)
    {
        Assert.Equal(paid, Allowance.IsPaid(kind));
    }

    [Fact]
    public void June_pays_each_striker_for_their_struck_june_nights_only()
    {
        var june = Allowance.ForMonth(Nights, 2025, 6, Strikers);

        Assert.Equal(
            [
                new StrikerAllowance("ong-an", "Ông An", 2, 30_000, 60_000),
                new StrikerAllowance("ong-binh", "Ông Bình", 2, 25_000, 50_000),
                new StrikerAllowance("ba-chi", "Bà Chi", 0, 20_000, 0),
                new StrikerAllowance("ong-dung", "ong-dung", 1, 0, 0),
            ],
            june);
    }

    [Theory]
    [InlineData(2025, 5, 1)]
    [InlineData(2025, 7, 1)]
    [InlineData(2024, 6, 1)]
    [InlineData(2025, 8, 0)]
    public void Nights_count_in_the_month_of_their_evening(int year, int month, int nightsForAn)
    {
        var allowance = Allowance.ForMonth(Nights, year, month, Strikers);

        Assert.Equal(nightsForAn, allowance.Single(row => row.StrikerId == "ong-an").NightsStruck);
    }

    [Fact]
    public void Round_struck_after_midnight_on_the_first_is_paid_in_the_month_before()
    {
        var settings = Hcm.Settings("peace-23:30");
        var struckAt = Hcm.Parse("2025-07-01T00:10:00+07:00");
        var night = NightCalendar.NightOf(struckAt, settings)!.Value;

        var june = Allowance.ForMonth([new NightStruck(night, NightOutcomeKind.Late, "ba-chi")], 2025, 6, Strikers);

        Assert.Equal(20_000, june.Single(row => row.StrikerId == "ba-chi").AmountVnd);
    }
}
