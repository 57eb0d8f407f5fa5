using System.Collections.Concurrent;

namespace GongGrid.Grains.Rules;

/// <summary>Conversions between a district's local wall-clock time and UTC instants.</summary>
public static class LocalTime
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The time zone for an IANA (or Windows) id, looked up once per id.</summary>
    public static TimeZoneInfo Zone(string id) => Zones.GetOrAdd(id, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>
    /// The UTC instant of a local date and time. A time skipped by a daylight-saving jump is read with the
    /// zone's standard offset and an ambiguous one as standard time (Vietnam has neither).
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The local calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
