namespace GongGrid.Grains.Rules;

/// <summary>Who is on duty to strike the gong on a night when the sensor does not say who struck.</summary>
public static class StrikerRota
{
    /// <summary>
    /// Round-robin over the roster in its listed order, keyed by the night's day number, so consecutive nights take
    /// consecutive strikers and the answer never depends on when it is asked. Null when the village has no striker.
    /// </summary>
    public static TStriker? OnDuty<TStriker>(IReadOnlyList<TStriker> strikers, DateOnly night) where TStriker : class =>
        strikers.Count == 0 ? null : strikers[night.DayNumber % strikers.Count];
}
