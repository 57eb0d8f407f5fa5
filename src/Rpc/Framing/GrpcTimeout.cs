using System.Globalization;

namespace GongGrid.Rpc.Framing;

/// <summary>The <c>grpc-timeout</c> header: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>The most a timer takes (CancelAfter: 2^32 - 2 ms, about 49 days).</summary>
    private const double MaxTimerMilliseconds = uint.MaxValue - 1.0;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length is < 2 or > 9
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>
    /// The timeout as a timer can run it: a negative one has already passed, and one beyond about 49 days (the
    /// protocol allows 99999999H) is no deadline at all; null for those.
    /// </summary>
    public static TimeSpan? ForTimer(TimeSpan timeout) =>
        timeout < TimeSpan.Zero ? TimeSpan.Zero
        : timeout.TotalMilliseconds <= MaxTimerMilliseconds ? timeout
        : null;

    /// <summary>The most precise unit that keeps the value within 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        var micros = ticks / TimeSpan.TicksPerMicrosecond;
        if (micros <= MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{micros}u");
        }

        var millis = ticks / TimeSpan.TicksPerMillisecond;
        if (millis <= MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{millis}m");
        }

        var seconds = ticks / TimeSpan.TicksPerSecond;
        return seconds <= MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds}S")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Min(MaxValue, ticks / TimeSpan.TicksPerHour)}H");
    }
}
