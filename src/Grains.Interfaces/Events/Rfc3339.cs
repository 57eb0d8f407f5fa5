using System.Globalization;

namespace GongGrid.Grains.Interfaces;

/// <summary>
/// Reads an RFC 3339 time with an offset, as devices write it: any number of fraction digits (Go's RFC3339Nano
/// writes nine; .NET keeps seven, so the rest are cut off) and the 'T' and 'Z' in either case, as RFC 3339 allows.
/// </summary>
internal static class Rfc3339
{
    private const int KeptFractionDigits = 7;
    private const int DateLength = 10;

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length <= DateLength || text[DateLength] is not ('T' or 't'))
        {
            return false;
        }

        var normalised = string.Concat(text.AsSpan(0, DateLength), "T", WithoutExtraFractionDigits(text.AsSpan(DateLength + 1)));
        if (normalised.EndsWith('z'))
        {
            normalised = string.Concat(normalised.AsSpan(0, normalised.Length - 1), "Z");
        }

        return DateTimeOffset.TryParseExact(normalised, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    /// <summary>The time of day with its fraction cut to the seven digits a <see cref="DateTimeOffset"/> holds.</summary>
    private static string WithoutExtraFractionDigits(ReadOnlySpan<char> timeOfDay)
    {
        var dot = timeOfDay.IndexOf('.');
        if (dot < 0)
        {
            return timeOfDay.ToString();
        }

        var digits = 0;
        while (dot + 1 + digits < timeOfDay.Length && char.IsAsciiDigit(timeOfDay[dot + 1 + digits]))
        {
            digits++;
        }

        return digits <= KeptFractionDigits
            ? timeOfDay.ToString()
            : string.Concat(timeOfDay[..(dot + 1 + KeptFractionDigits)], timeOfDay[(dot + 1 + digits)..]);
    }
}
