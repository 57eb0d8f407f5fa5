using System.Globalization;
using System.Text.Json;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Roster;

/// <summary>Writes district settings and commune overrides with the names and value formats the reader expects.</summary>
internal static class SignalSettingsJson
{
    public static void WriteSettings(Utf8JsonWriter json, SignalSettings s)
    {
        json.WriteStartObject();
        json.WriteString("timeZone", s.TimeZone);
        json.WriteString("peaceTime", Time(s.PeaceTime));
        json.WriteNumber("peaceStrikes", s.PeaceStrikes);
        json.WriteString("onTimeBefore", RosterDuration.Format(s.OnTimeBefore));
        json.WriteString("onTimeAfter", RosterDuration.Format(s.OnTimeAfter));
        json.WriteString("earlyWindow", RosterDuration.Format(s.EarlyWindow));
        json.WriteString("lateWindow", RosterDuration.Format(s.LateWindow));
        json.WriteString("roundMaxGap", RosterDuration.Format(s.RoundMaxGap));
        json.WriteNumber("audibleRadiusMeters", s.AudibleRadiusMeters);
        json.WriteNumber("alarmGroupStrikes", s.AlarmGroupStrikes);
        json.WriteString("alarmStrikeMaxGap", RosterDuration.Format(s.AlarmStrikeMaxGap));
        json.WriteString("alarmGroupMaxGap", RosterDuration.Format(s.AlarmGroupMaxGap));
        json.WriteNumber("alarmMinGroups", s.AlarmMinGroups);
        json.WriteString("maxClockSkew", RosterDuration.Format(s.MaxClockSkew));
        json.WriteString("deviceOfflineAfter", RosterDuration.Format(s.DeviceOfflineAfter));
        json.WriteEndObject();
    }

    public static void WriteOverrides(Utf8JsonWriter json, SignalSettingsOverride o)
    {
        json.WriteStartObject();
        WriteIfSet(json, "peaceTime", o.PeaceTime, Time);
        if (o.PeaceStrikes is { } strikes)
        {
            json.WriteNumber("peaceStrikes", strikes);
        }

        WriteIfSet(json, "onTimeBefore", o.OnTimeBefore, RosterDuration.Format);
        WriteIfSet(json, "onTimeAfter", o.OnTimeAfter, RosterDuration.Format);
        WriteIfSet(json, "earlyWindow", o.EarlyWindow, RosterDuration.Format);
        WriteIfSet(json, "lateWindow", o.LateWindow, RosterDuration.Format);
        WriteIfSet(json, "roundMaxGap", o.RoundMaxGap, RosterDuration.Format);
        if (o.AudibleRadiusMeters is { } meters)
        {
            json.WriteNumber("audibleRadiusMeters", meters);
        }

        json.WriteEndObject();
    }

    private static void WriteIfSet<T>(Utf8JsonWriter json, string name, T? value, Func<T, string> format)
        where T : struct
    {
        if (value is { } set)
        {
            json.WriteString(name, format(set));
        }
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
