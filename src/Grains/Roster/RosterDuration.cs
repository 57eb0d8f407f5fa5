using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GongGrid.Grains.Roster;

/// <summary>
/// Durations as the roster writes them: whole numbers with units h, m, s, ms, largest first, e.g. "2m",
/// "90s", "1h", "1m30s", "800ms".
/// </summary>
internal static partial class RosterDuration
{
    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (text.Length == 0 || !match.Success)
        {
            return false;
        }

        foreach (var (unit, length) in Units.Where(u => match.Groups[u.Unit].Success))
        {
            duration += length * int.Parse(match.Groups[unit].ValueSpan, CultureInfo.InvariantCulture);
        }

        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = duration;
        foreach (var (unit, length) in Units)
        {
            var count = rest.Ticks / length.Ticks;
            rest -= length * count;
            if (count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{count}{unit}");
            }
        }

        return text.ToString();
    }

    // Digit limits keep every sum far below TimeSpan.MaxValue.
    [GeneratedRegex(@"^(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?(?:(?<ms>\d{1,9})ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
