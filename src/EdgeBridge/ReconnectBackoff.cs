namespace GongGrid.EdgeBridge;

/// <summary>
/// Capped exponential backoff with jitter: attempt n waits a random time between half and all of
/// min(max, min·2ⁿ), so a village of devices that lost the same broker do not all return in the same instant.
/// </summary>
public static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, Random random)
    {
        var ceiling = min.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(ceiling, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() / 2)));
    }
}
