namespace GongGrid.Grains.Rules;

/// <summary>Chooses which clock to trust for a device event.</summary>
public static class ClockSkew
{
    /// <summary>
    /// The device's time, unless it is more than <paramref name="maxSkew"/> from when the event was received
    /// (either way); then the receive time is used and the event is flagged as skewed. Exactly at the limit is
    /// not skewed.
    /// </summary>
    public static (DateTimeOffset EffectiveTime, bool Skewed) Resolve(
        DateTimeOffset deviceTime,
        DateTimeOffset receivedAt,
        TimeSpan maxSkew) =>
        (deviceTime - receivedAt).Duration() > maxSkew ? (receivedAt, true) : (deviceTime, false);
}
