using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>Decides one village's <see cref="NightOutcome"/> from the strikes and speaker playbacks heard around a night.</summary>
public static class NightOutcomeRule
{
    /// <summary>
    /// Evaluates a night. Pass every strike from a span covering the window: alarm strikes are set aside here, and
    /// rounds are formed before filtering so a round that began before the window is not mistaken for one starting
    /// at OpensAt. Only rounds and playbacks starting in [OpensAt, ClosesAt) count.
    /// Best first: a complete round on time, a speaker playback on time, a complete round (or playback) late, then
    /// early, then the incomplete round with most strikes; within a kind, the one starting nearest the peace time.
    /// With nothing heard the night is <see cref="NightOutcomeKind.Missed"/> when final, else
    /// <see cref="NightOutcomeKind.Pending"/>.
    /// </summary>
    public static NightOutcome Evaluate(
        NightWindow window,
        IReadOnlyList<DateTimeOffset> strikes,
        IReadOnlyList<DateTimeOffset> peacePlaybacks,
        SignalSettings settings,
        bool isFinal) =>
        Evaluate(window, [strikes], peacePlaybacks, settings, isFinal);

    /// <summary>
    /// Evaluates a night in a village with several gongs: each gong's strikes form rounds (and alarms) of their own,
    /// so two gongs struck together at 22:00 are two complete rounds, not one round of twice the strikes.
    /// </summary>
    public static NightOutcome Evaluate(
        NightWindow window,
        IEnumerable<IReadOnlyList<DateTimeOffset>> strikesByGong,
        IReadOnlyList<DateTimeOffset> peacePlaybacks,
        SignalSettings settings,
        bool isFinal)
    {
        var rounds = strikesByGong.SelectMany(strikes => PeaceRound.Split(AlarmPattern.Find(strikes, settings).OtherStrikes, settings));
        var best = Candidates(window, rounds, peacePlaybacks, settings)
            .OrderBy(candidate => Rank(candidate.Kind))
            .ThenByDescending(candidate => candidate.Kind == NightOutcomeKind.Incomplete ? candidate.StrikeCount : 0)
            .ThenBy(candidate => (candidate.StartedAt - window.PeaceAt).Duration())
            .ThenBy(candidate => candidate.StartedAt)
            .FirstOrDefault();

        return best is null
            ? new NightOutcome(window.Night, isFinal ? NightOutcomeKind.Missed : NightOutcomeKind.Pending, 0, null, isFinal)
            : new NightOutcome(window.Night, best.Kind, best.StrikeCount, best.StartedAt, isFinal);
    }

    private static IEnumerable<Candidate> Candidates(
        NightWindow window,
        IEnumerable<PeaceRound> rounds,
        IEnumerable<DateTimeOffset> peacePlaybacks,
        SignalSettings settings)
    {
        foreach (var round in rounds)
        {
            if (window.TimingOf(round.StartedAt) is { } timing)
            {
                var kind = round.IsComplete(settings) ? timing : NightOutcomeKind.Incomplete;
                yield return new Candidate(kind, round.StrikeCount, round.StartedAt);
            }
        }

        foreach (var startedAt in peacePlaybacks)
        {
            // A playback on time is its own kind; early or late it is judged like a struck round.
            if (window.TimingOf(startedAt) is { } timing)
            {
                var kind = timing == NightOutcomeKind.OnTime ? NightOutcomeKind.SpeakerPlayback : timing;
                yield return new Candidate(kind, 0, startedAt);
            }
        }
    }

    private static int Rank(NightOutcomeKind kind) => kind switch
    {
        NightOutcomeKind.OnTime => 0,
        NightOutcomeKind.SpeakerPlayback => 1,
        NightOutcomeKind.Late => 2,
        NightOutcomeKind.Early => 3,
        _ => 4,
    };

    private sealed record Candidate(NightOutcomeKind Kind, int StrikeCount, DateTimeOffset StartedAt);
}
