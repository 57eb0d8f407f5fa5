using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>One round (hồi) of peace-signal strikes: consecutive strikes at most <see cref="SignalSettings.RoundMaxGap"/> apart.</summary>
public sealed record PeaceRound(DateTimeOffset StartedAt, DateTimeOffset LastStrikeAt, int StrikeCount)
{
    /// <summary>
    /// True when the round has exactly <see cref="SignalSettings.PeaceStrikes"/> strikes: a round of the wrong count,
    /// more or fewer, is incomplete (common.proto: on time is "9 strikes").
    /// </summary>
    public bool IsComplete(SignalSettings settings) => StrikeCount == settings.PeaceStrikes;

    /// <summary>
    /// Splits strikes (any order) into rounds, in order of start. Pass the strikes that are not part of an alarm
    /// (<see cref="AlarmScan.OtherStrikes"/>).
    /// </summary>
    public static IReadOnlyList<PeaceRound> Split(IEnumerable<DateTimeOffset> strikes, SignalSettings settings)
    {
        var sorted = strikes.Order().ToArray();
        var rounds = new List<PeaceRound>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] - sorted[i - 1] > settings.RoundMaxGap)
            {
                rounds.Add(new PeaceRound(sorted[start], sorted[i - 1], i - start));
                start = i;
            }
        }

        return rounds;
    }
}
