namespace GongGrid.Grains.Rules;

/// <summary>The result of <see cref="AlarmPattern.Find"/>: the alarms, and the strikes split by whether they rang one.</summary>
/// <param name="AlarmStrikes">Strikes of the groups that make up <paramref name="Bursts"/>, ascending.</param>
/// <param name="OtherStrikes">Every other strike, ascending: the input for <see cref="PeaceRound.Split"/>.</param>
public sealed record AlarmScan(
    IReadOnlyList<AlarmBurst> Bursts,
    IReadOnlyList<DateTimeOffset> AlarmStrikes,
    IReadOnlyList<DateTimeOffset> OtherStrikes);
