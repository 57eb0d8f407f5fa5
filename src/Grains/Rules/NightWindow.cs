using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>
/// One night's peace-signal window, in UTC: rounds starting in [<see cref="OpensAt"/>, <see cref="ClosesAt"/>)
/// count for <see cref="Night"/>; those starting in [<see cref="OnTimeFrom"/>, <see cref="OnTimeUntil"/>] are on time.
/// </summary>
/// <param name="Night">The local date of <see cref="PeaceAt"/>; see <see cref="NightCalendar"/>.</param>
public sealed record NightWindow(
    DateOnly Night,
    DateTimeOffset OpensAt,
    DateTimeOffset OnTimeFrom,
    DateTimeOffset PeaceAt,
    DateTimeOffset OnTimeUntil,
    DateTimeOffset ClosesAt)
{
    /// <summary>True when the instant lies in [<see cref="OpensAt"/>, <see cref="ClosesAt"/>).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= OpensAt && instant < ClosesAt;

    /// <summary>
    /// Whether a round (or playback) starting at <paramref name="startedAt"/> is <see cref="NightOutcomeKind.Early"/>,
    /// <see cref="NightOutcomeKind.OnTime"/> or <see cref="NightOutcomeKind.Late"/>; null when outside the window.
    /// </summary>
    public NightOutcomeKind? TimingOf(DateTimeOffset startedAt) =>
        !Contains(startedAt) ? null
        : startedAt < OnTimeFrom ? NightOutcomeKind.Early
        : startedAt <= OnTimeUntil ? NightOutcomeKind.OnTime
        : NightOutcomeKind.Late;
}
