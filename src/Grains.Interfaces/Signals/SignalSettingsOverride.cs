namespace GongGrid.Grains.Interfaces;

/// <summary>A commune's departures from its district's <see cref="SignalSettings"/>; null means "as the district".</summary>
public sealed record SignalSettingsOverride
{
    public TimeOnly? PeaceTime { get; init; }
    public int? PeaceStrikes { get; init; }
    public TimeSpan? OnTimeBefore { get; init; }
    public TimeSpan? OnTimeAfter { get; init; }
    public TimeSpan? EarlyWindow { get; init; }
    public TimeSpan? LateWindow { get; init; }
    public TimeSpan? RoundMaxGap { get; init; }
    public double? AudibleRadiusMeters { get; init; }
}
