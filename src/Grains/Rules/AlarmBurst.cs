namespace GongGrid.Grains.Rules;

/// <summary>An alarm signal (kẻng báo động) heard in a village: repeated groups of rapid strikes.</summary>
/// <param name="StartedAt">The first strike of the first group.</param>
/// <param name="LastStrikeAt">The last strike of the last group.</param>
/// <param name="GroupCount">How many groups of rapid strikes were repeated.</param>
public sealed record AlarmBurst(DateTimeOffset StartedAt, DateTimeOffset LastStrikeAt, int GroupCount);
