using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Tests.Rules;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2025-01-01", 2025, 1)]
    [InlineData("2025-03-31", 2025, 1)]
    [InlineData("2025-04-01", 2025, 2)]
    [InlineData("2025-06-30", 2025, 2)]
    [InlineData("2025-07-01", 2025, 3)]
    [InlineData("2025-09-30", 2025, 3)]
    [InlineData("2025-10-01", 2025, 4)]
    [InlineData("2025-12-31", 2025, 4)]
    public void Date_falls_in_its_calendar_quarter(string date, int year, int number)
    {
        Assert.Equal(new Quarter(year, number), Quarter.Of(Hcm.Date(date)));
    }

    [Theory]
    [InlineData(2024, 1, "2024-01-01", "2024-03-31")]
    [InlineData(2025, 2, "2025-04-01", "2025-06-30")]
    [InlineData(2025, 3, "2025-07-01", "2025-09-30")]
    [InlineData(2025, 4, "2025-10-01", "2025-12-31")]
    public void Quarter_runs_from_its_first_to_its_last_day(int year, int number, string first, string last)
    {
        var quarter = new Quarter(year, number);

        Assert.Equal((Hcm.Date(first), Hcm.Date(last)), (quarter.FirstDay, quarter.LastDay));
    }

    [Theory]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-04-01", true)]
    [InlineData("2025-03-31", false)]
    [InlineData("2025-07-01", false)]
    [InlineData("2024-05-15", false)]
    public void Second_quarter_of_2025_contains_only_its_own_days(string date, bool contains)
    {
        Assert.Equal(contains, new Quarter(2025, 2).Contains(Hcm.Date(date)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Quarter_number_outside_1_to_4_is_rejected(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(2025, number));
    }

    [Fact]
    public void Quarter_reads_as_year_and_number()
    {
        Assert.Equal("2025-Q3", new Quarter(2025, 3).ToString());
    }
}
