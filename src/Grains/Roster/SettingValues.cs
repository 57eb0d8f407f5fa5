using System.Globalization;

namespace GongGrid.Grains.Roster;

/// <summary>Reads the value types of signal settings: time zone, "HH:mm" time, duration. Null when wrong (reported).</summary>
internal static class SettingValues
{
    /// <summary>Durations must be positive and at most this long; anything longer is a typo, not a tolerance.</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public static string? TimeZoneId(RosterObject o, string name)
    {
        var id = o.String(name);
        if (id is null)
        {
            return null;
        }

        // Windows ids also resolve on Linux; the file must name an IANA zone so it means the same everywhere.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return id;
        }

        o.Errors.AtValue(o.PathOf(name), $"'{id}' is not an IANA time zone known to this machine; Vietnam is 'Asia/Ho_Chi_Minh'");
        return null;
    }

    public static TimeOnly? TimeOfDay(RosterObject o, string name)
    {
        var text = o.String(name);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        o.Errors.AtValue(o.PathOf(name), $"'{text}' is not a time of day; expected \"HH:mm\" on a 24-hour clock, e.g. \"22:00\"");
        return null;
    }

    public static TimeSpan? Duration(RosterObject o, string name)
    {
        var text = o.String(name);
        if (text is null)
        {
            return null;
        }

        if (!RosterDuration.TryParse(text, out var duration))
        {
            o.Errors.AtValue(o.PathOf(name), $"'{text}' is not a duration; expected a number with a unit h, m, s or ms, e.g. \"2m\", \"90s\", \"1h\", \"1m30s\"");
            return null;
        }

        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            o.Errors.AtValue(o.PathOf(name), $"'{text}' is out of range; a duration must be more than 0 and at most {RosterDuration.Format(MaxDuration)}");
            return null;
        }

        return duration;
    }

    public static int? Count(RosterObject o, string name, int min, int max)
    {
        var before = o.Errors.Count;
        var count = (int)o.Integer(name, min, max);
        return o.Errors.Count == before ? count : null;
    }

    public static double? Meters(RosterObject o, string name, double min, double max)
    {
        var before = o.Errors.Count;
        var meters = o.Number(name, min, max);
        return o.Errors.Count == before ? meters : null;
    }
}
