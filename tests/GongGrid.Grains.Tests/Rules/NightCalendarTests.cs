using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Tests.Rules;

public sealed class NightCalendarTests
{
    [Fact]
    public void Window_of_a_22_00_night_in_Ho_Chi_Minh_is_15_00_UTC_with_every_edge_in_UTC()
    {
        var window = NightCalendar.Window(Hcm.Night, new SignalSettings());

        Assert.Equal(
            new NightWindow(
                Hcm.Night,
                OpensAt: Hcm.Parse("2025-06-01T14:00:00Z"),
                OnTimeFrom: Hcm.Parse("2025-06-01T14:58:00Z"),
                PeaceAt: Hcm.Parse("2025-06-01T15:00:00Z"),
                OnTimeUntil: Hcm.Parse("2025-06-01T15:05:00Z"),
                ClosesAt: Hcm.Parse("2025-06-01T16:00:00Z")),
            window);
        Assert.Equal(TimeSpan.Zero, window.PeaceAt.Offset);
    }

    [Theory]
    [InlineData("Asia/Ho_Chi_Minh", "2025-06-01", "22:00", "2025-06-01T15:00:00Z")]
    [InlineData("Asia/Ho_Chi_Minh", "2025-06-01", "00:15", "2025-05-31T17:15:00Z")]
    [InlineData("Europe/London", "2025-06-01", "22:00", "2025-06-01T21:00:00Z")]
    [InlineData("Europe/London", "2025-01-15", "22:00", "2025-01-15T22:00:00Z")]
    [InlineData("Europe/London", "2025-03-30", "01:30", "2025-03-30T01:30:00Z")]
    public void Peace_time_is_converted_from_the_settings_time_zone_to_UTC(string zone, string night, string peaceTime, string expectedUtc)
    {
        var settings = new SignalSettings { TimeZone = zone, PeaceTime = TimeOnly.Parse(peaceTime, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(Hcm.Parse(expectedUtc), NightCalendar.Window(Hcm.Date(night), settings).PeaceAt);
    }

    [Theory]
    [InlineData("default", "2025-06-01T20:59:59+07:00", null)]
    [InlineData("default", "2025-06-01T21:00:00+07:00", "2025-06-01")]
    [InlineData("default", "2025-06-01T15:00:00Z", "2025-06-01")]
    [InlineData("default", "2025-06-01T22:59:59+07:00", "2025-06-01")]
    [InlineData("default", "2025-06-01T23:00:00+07:00", null)]
    [InlineData("default", "2025-06-01T12:00:00+07:00", null)]
    [InlineData("peace-23:30", "2025-06-02T00:10:00+07:00", "2025-06-01")]
    [InlineData("peace-23:30", "2025-06-02T00:29:59+07:00", "2025-06-01")]
    [InlineData("peace-23:30", "2025-06-02T00:30:00+07:00", null)]
    [InlineData("peace-23:30", "2026-01-01T00:10:00+07:00", "2025-12-31")]
    [InlineData("peace-23:30", "2025-06-01T22:30:00+07:00", "2025-06-01")]
    [InlineData("peace-00:15", "2025-06-01T23:30:00+07:00", "2025-06-02")]
    [InlineData("peace-00:15", "2025-06-02T00:15:00+07:00", "2025-06-02")]
    [InlineData("peace-00:15", "2025-06-01T23:14:59+07:00", null)]
    [InlineData("peace-00:15", "2025-12-31T23:20:00+07:00", "2026-01-01")]
    [InlineData("commune-21:00x5", "2025-06-01T21:59:59+07:00", "2025-06-01")]
    [InlineData("commune-21:00x5", "2025-06-01T22:00:00+07:00", null)]
    public void Instant_belongs_to_the_night_whose_window_contains_it(string preset, string instant, string? expectedNight)
    {
        var night = NightCalendar.NightOf(Hcm.Parse(instant), Hcm.Settings(preset));

        Assert.Equal(expectedNight is null ? null : Hcm.Date(expectedNight), night);
    }

    [Theory]
    [InlineData("default", "2025-06-01T12:00:00+07:00", "2025-06-01T23:00:00+07:00")]
    [InlineData("default", "2025-06-01T22:59:59+07:00", "2025-06-01T23:00:00+07:00")]
    [InlineData("default", "2025-06-01T23:00:00+07:00", "2025-06-02T23:00:00+07:00")]
    [InlineData("default", "2025-06-01T23:30:00+07:00", "2025-06-02T23:00:00+07:00")]
    [InlineData("default", "2025-12-31T23:00:00+07:00", "2026-01-01T23:00:00+07:00")]
    [InlineData("peace-23:30", "2025-06-01T23:59:00+07:00", "2025-06-02T00:30:00+07:00")]
    [InlineData("peace-23:30", "2025-06-02T00:20:00+07:00", "2025-06-02T00:30:00+07:00")]
    [InlineData("peace-23:30", "2025-06-02T00:30:00+07:00", "2025-06-03T00:30:00+07:00")]
    public void Next_close_is_the_first_window_close_strictly_after_now(string preset, string now, string expectedClose)
    {
        Assert.Equal(Hcm.Parse(expectedClose), NightCalendar.NextClose(Hcm.Parse(now), Hcm.Settings(preset)));
    }

    [Theory]
    [InlineData("default", "2025-06-01T22:59:59+07:00", "2025-05-31")]
    [InlineData("default", "2025-06-01T23:00:00+07:00", "2025-06-01")]
    [InlineData("default", "2025-06-02T09:00:00+07:00", "2025-06-01")]
    [InlineData("default", "2026-01-01T08:00:00+07:00", "2025-12-31")]
    [InlineData("peace-23:30", "2025-06-02T00:29:59+07:00", "2025-05-31")]
    [InlineData("peace-23:30", "2025-06-02T00:30:00+07:00", "2025-06-01")]
    public void Latest_night_closed_by_now_is_the_one_a_late_reminder_should_finalise(string preset, string now, string expectedNight)
    {
        Assert.Equal(Hcm.Date(expectedNight), NightCalendar.LatestNightClosedBy(Hcm.Parse(now), Hcm.Settings(preset)));
    }

    [Fact]
    public void Next_window_to_close_is_the_night_still_open_at_midnight()
    {
        var window = NightCalendar.NextToClose(Hcm.Parse("2025-06-02T00:10:00+07:00"), Hcm.Settings("peace-23:30"));

        Assert.Equal(Hcm.Night, window.Night);
    }
}
