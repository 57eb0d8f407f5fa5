using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class StrikerRotaTests
{
    private static readonly IReadOnlyList<StrikerRoster> Strikers =
    [
        new("ong-an", "Ông An", 30_000),
        new("ong-binh", "Ông Bình", 30_000),
        new("ong-cuong", "Ông Cường", 30_000),
    ];

    // 2025-06-01 has day number 739402, which is 1 modulo 3.
    [Theory]
    [InlineData("2025-06-01", "ong-binh")]
    [InlineData("2025-06-02", "ong-cuong")]
    [InlineData("2025-06-03", "ong-an")]
    [InlineData("2025-06-04", "ong-binh")]
    [InlineData("2025-05-31", "ong-an")]
    [InlineData("2026-01-01", "ong-cuong")]
    public void Strikers_take_turns_night_by_night_in_roster_order(string night, string expected)
    {
        Assert.Equal(expected, StrikerRota.OnDuty(Strikers, Hcm.Date(night))?.Id);
    }

    [Fact]
    public void Village_without_strikers_has_nobody_on_duty()
    {
        Assert.Null(StrikerRota.OnDuty<StrikerRoster>([], Hcm.Night));
    }

    [Fact]
    public void Only_striker_is_on_duty_every_night()
    {
        StrikerRoster only = new("ba-dung", "Bà Dung", 25_000);

        Assert.All(Enumerable.Range(0, 7), day => Assert.Same(only, StrikerRota.OnDuty([only], Hcm.Night.AddDays(day))));
    }
}
