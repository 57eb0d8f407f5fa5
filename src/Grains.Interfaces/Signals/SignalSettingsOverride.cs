namespace GongGrid.Grains.Interfaces;

/// <summary>A commune's departures from its district's <see cref="SignalSettings"/>; null means "as the district".</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.SignalSettingsOverride")]
public sealed record SignalSettingsOverride
{
    [Id(0)]
    public TimeOnly? PeaceTime { get; init; }
    [Id(1)]
    public int? PeaceStrikes { get; init; }
    [Id(2)]
    public TimeSpan? OnTimeBefore { get; init; }
    [Id(3)]
    public TimeSpan? OnTimeAfter { get; init; }
    [Id(4)]
    public TimeSpan? EarlyWindow { get; init; }
    [Id(5)]
    public TimeSpan? LateWindow { get; init; }
    [Id(6)]
    public TimeSpan? RoundMaxGap { get; init; }
    [Id(7)]
    public double? AudibleRadiusMeters { get; init; }
}
