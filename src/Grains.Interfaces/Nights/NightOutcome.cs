namespace GongGrid.Grains.Interfaces;

/// <summary>One village's result for one night.</summary>
/// <param name="Night">The local date of the evening whose peace signal this is.</param>
/// <param name="StrikeCount">Strikes in the round that decided the outcome (0 when none).</param>
/// <param name="RoundStartedAt">When that round (or playback) started, or null.</param>
/// <param name="IsFinal">True once the night's window has closed; before that the outcome may still change.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.NightOutcome")]
public sealed record NightOutcome(DateOnly Night, NightOutcomeKind Kind, int StrikeCount, DateTimeOffset? RoundStartedAt, bool IsFinal);
