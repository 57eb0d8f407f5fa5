using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>
/// Which night an instant belongs to, and when nights close.
/// A night is named by the local date of its peace signal: with the usual 22:00 that is the evening's date, and a
/// round struck at 00:10 inside a window reaching past midnight still belongs to the evening before. With a peace
/// time just after midnight (e.g. 00:15), night D is the signal in the small hours of D, after the evening of D-1.
/// </summary>
public static class NightCalendar
{
    /// <summary>The window of one night, converted from the district's local time to UTC.</summary>
    public static NightWindow Window(DateOnly night, SignalSettings settings)
    {
        var peaceAt = LocalTime.ToUtc(night, settings.PeaceTime, LocalTime.Zone(settings.TimeZone));
        return new NightWindow(
            night,
            OpensAt: peaceAt - settings.EarlyWindow,
            OnTimeFrom: peaceAt - settings.OnTimeBefore,
            PeaceAt: peaceAt,
            OnTimeUntil: peaceAt + settings.OnTimeAfter,
            ClosesAt: peaceAt + settings.LateWindow);
    }

    /// <summary>
    /// The night whose window [OpensAt, ClosesAt) contains the instant, or null between windows.
    /// Windows should not overlap (EarlyWindow + LateWindow under a day); if they do, the earlier night wins.
    /// </summary>
    public static DateOnly? NightOf(DateTimeOffset instant, SignalSettings settings)
    {
        // The instant is in night N's window exactly when N's peace signal lies in (instant - Late, instant + Early].
        var zone = LocalTime.Zone(settings.TimeZone);
        var last = LocalTime.DateOf(instant + settings.EarlyWindow, zone);
        for (var night = LocalTime.DateOf(instant - settings.LateWindow, zone); night <= last; night = night.AddDays(1))
        {
            if (Window(night, settings).Contains(instant))
            {
                return night;
            }
        }

        return null;
    }

    /// <summary>The night whose window is open now, or else the one that closed last: "tonight" for a dashboard.</summary>
    public static DateOnly Current(DateTimeOffset now, SignalSettings settings)
    {
        var next = NextToClose(now, settings);
        return now >= next.OpensAt ? next.Night : next.Night.AddDays(-1);
    }

    /// <summary>The window that closes next, strictly after <paramref name="now"/>.</summary>
    public static NightWindow NextToClose(DateTimeOffset now, SignalSettings settings)
    {
        var night = LocalTime.DateOf(now - settings.LateWindow, LocalTime.Zone(settings.TimeZone)).AddDays(-1);
        var window = Window(night, settings);
        while (window.ClosesAt <= now)
        {
            night = night.AddDays(1);
            window = Window(night, settings);
        }

        return window;
    }

    /// <summary>The next ClosesAt strictly after <paramref name="now"/>: when to finalise the night.</summary>
    public static DateTimeOffset NextClose(DateTimeOffset now, SignalSettings settings) =>
        NextToClose(now, settings).ClosesAt;

    /// <summary>
    /// The latest night whose window has closed at <paramref name="now"/> (ClosesAt &lt;= now): the night a late
    /// or retried finalisation reminder should finalise.
    /// </summary>
    public static DateOnly LatestNightClosedBy(DateTimeOffset now, SignalSettings settings) =>
        NextToClose(now, settings).Night.AddDays(-1);
}
