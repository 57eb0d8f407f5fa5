using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Roster;

/// <summary>Reads the district's "settings" and a commune's "overrides"; every field is optional.</summary>
internal static class SettingsReader
{
    private const int MaxStrikes = 50;
    private const double MaxRadiusMeters = 10_000;

    private static readonly string[] OverrideNames =
        ["peaceTime", "peaceStrikes", "onTimeBefore", "onTimeAfter", "earlyWindow", "lateWindow", "roundMaxGap", "audibleRadiusMeters"];

    private static readonly string[] SettingNames =
    [
        "timeZone", .. OverrideNames, "alarmGroupStrikes", "alarmStrikeMaxGap", "alarmGroupMaxGap", "alarmMinGroups",
        "maxClockSkew", "deviceOfflineAfter",
    ];

    public static SignalSettings ReadDistrictSettings(RosterObject district)
    {
        var defaults = new SignalSettings();
        var o = district.Object("settings", required: false, "the district settings", SettingNames);
        if (o is null)
        {
            return defaults;
        }

        var before = o.Errors.Count;
        var settings = defaults.With(ReadOverrideFields(o)) with
        {
            TimeZone = Optional(o, "timeZone", SettingValues.TimeZoneId) ?? defaults.TimeZone,
            AlarmGroupStrikes = Optional(o, "alarmGroupStrikes", (s, n) => SettingValues.Count(s, n, 1, MaxStrikes)) ?? defaults.AlarmGroupStrikes,
            AlarmStrikeMaxGap = Optional(o, "alarmStrikeMaxGap", SettingValues.Duration) ?? defaults.AlarmStrikeMaxGap,
            AlarmGroupMaxGap = Optional(o, "alarmGroupMaxGap", SettingValues.Duration) ?? defaults.AlarmGroupMaxGap,
            AlarmMinGroups = Optional(o, "alarmMinGroups", (s, n) => SettingValues.Count(s, n, 1, MaxStrikes)) ?? defaults.AlarmMinGroups,
            MaxClockSkew = Optional(o, "maxClockSkew", SettingValues.Duration) ?? defaults.MaxClockSkew,
            DeviceOfflineAfter = Optional(o, "deviceOfflineAfter", SettingValues.Duration) ?? defaults.DeviceOfflineAfter,
        };
        if (o.Errors.Count == before)
        {
            CheckWindows(o, settings);
        }

        return settings;
    }

    public static SignalSettingsOverride? ReadOverrides(RosterObject commune, SignalSettings district)
    {
        var o = commune.Object("overrides", required: false, "commune overrides", OverrideNames);
        if (o is null)
        {
            return null;
        }

        var before = o.Errors.Count;
        var overrides = ReadOverrideFields(o);
        if (o.Errors.Count == before)
        {
            CheckWindows(o, district.With(overrides));
        }

        return overrides;
    }

    private static SignalSettingsOverride ReadOverrideFields(RosterObject o) => new()
    {
        PeaceTime = Optional(o, "peaceTime", SettingValues.TimeOfDay),
        PeaceStrikes = Optional(o, "peaceStrikes", (s, n) => SettingValues.Count(s, n, 1, MaxStrikes)),
        OnTimeBefore = Optional(o, "onTimeBefore", SettingValues.Duration),
        OnTimeAfter = Optional(o, "onTimeAfter", SettingValues.Duration),
        EarlyWindow = Optional(o, "earlyWindow", SettingValues.Duration),
        LateWindow = Optional(o, "lateWindow", SettingValues.Duration),
        RoundMaxGap = Optional(o, "roundMaxGap", SettingValues.Duration),
        AudibleRadiusMeters = Optional(o, "audibleRadiusMeters", (s, n) => SettingValues.Meters(s, n, 1, MaxRadiusMeters)),
    };

    // A round cannot be on time outside the windows in which it counts at all.
    private static void CheckWindows(RosterObject o, SignalSettings settings)
    {
        CheckWithin(o, "onTimeBefore", settings.OnTimeBefore, "earlyWindow", settings.EarlyWindow);
        CheckWithin(o, "onTimeAfter", settings.OnTimeAfter, "lateWindow", settings.LateWindow);
    }

    private static void CheckWithin(RosterObject o, string inner, TimeSpan innerValue, string outer, TimeSpan outerValue)
    {
        if (innerValue <= outerValue)
        {
            return;
        }

        var path = o.Has(inner) ? o.PathOf(inner) : o.Has(outer) ? o.PathOf(outer) : o.Path;
        o.Errors.AtValue(path, $"{inner} ({RosterDuration.Format(innerValue)}) must not be longer than {outer} ({RosterDuration.Format(outerValue)})");
    }

    private static T? Optional<T>(RosterObject o, string name, Func<RosterObject, string, T?> read)
        where T : struct => o.Has(name) ? read(o, name) : null;

    private static string? Optional(RosterObject o, string name, Func<RosterObject, string, string?> read) =>
        o.Has(name) ? read(o, name) : null;
}
