using System.Globalization;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Tests.Rules;

/// <summary>Local times in Asia/Ho_Chi_Minh (UTC+7) and strike sequences, written the way the tables read.</summary>
internal static class Hcm
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly DateOnly Night = new(2025, 6, 1);

    public static DateTimeOffset At(DateOnly date, string time) =>
        new(date.ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture)), Offset);

    public static DateTimeOffset Tonight(string time) => At(Night, time);

    public static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    public static IEnumerable<DateTimeOffset> Every(DateTimeOffset start, int count, TimeSpan gap) =>
        Enumerable.Range(0, count).Select(i => start + (gap * i));

    /// <summary>A peace round: <paramref name="count"/> strikes 4 s apart.</summary>
    public static IEnumerable<DateTimeOffset> Round(DateTimeOffset start, int count) => Every(start, count, TimeSpan.FromSeconds(4));

    /// <summary>Strikes at millisecond offsets from <paramref name="start"/>, e.g. "0,400,800".</summary>
    public static DateTimeOffset[] AtMilliseconds(DateTimeOffset start, string offsets) => offsets.Length == 0
        ? []
        : [.. offsets.Split(',').Select(ms => start.AddMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture)))];

    /// <summary>Settings presets the tables refer to by name.</summary>
    public static SignalSettings Settings(string preset) => preset switch
    {
        "default" => new SignalSettings(),
        "peace-23:30" => new SignalSettings { PeaceTime = new TimeOnly(23, 30) },
        "peace-00:15" => new SignalSettings { PeaceTime = new TimeOnly(0, 15) },
        "commune-21:00x5" => new SignalSettings().With(new SignalSettingsOverride { PeaceTime = new TimeOnly(21, 0), PeaceStrikes = 5 }),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown settings preset."),
    };
}
