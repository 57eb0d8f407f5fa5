using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Rules;

/// <summary>The striker's allowance (paid from household and business contributions) for the nights they struck.</summary>
public static class Allowance
{
    /// <summary>
    /// A night is paid when a complete round was struck, on time, late or early. An incomplete round is not the
    /// signal; a missed night had no strike; a speaker playback was not struck by anyone.
    /// </summary>
    public static bool IsPaid(NightOutcomeKind kind) =>
        kind is NightOutcomeKind.OnTime or NightOutcomeKind.Late or NightOutcomeKind.Early;

    /// <summary>
    /// Each roster striker's paid nights in the month (by night, the evening's date, so a round struck just after
    /// midnight on the 1st counts in the month before), in roster order, strikers with no nights included.
    /// A striker credited in the records but no longer on the roster follows with rate 0. A striker is paid once
    /// per night however many records repeat it.
    /// </summary>
    public static IReadOnlyList<StrikerAllowance> ForMonth(
        IEnumerable<NightStruck> nights,
        int year,
        int month,
        IReadOnlyList<StrikerRoster> strikers)
    {
        var nightsByStriker = nights
            .Where(night => night.Night.Year == year && night.Night.Month == month && IsPaid(night.Kind))
            .GroupBy(night => night.StrikerId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(night => night.Night).Distinct().Count(), StringComparer.Ordinal);

        var onRoster = strikers.Select(striker =>
        {
            var struck = nightsByStriker.GetValueOrDefault(striker.Id);
            return new StrikerAllowance(striker.Id, striker.Name, struck, striker.NightlyAllowanceVnd, struck * striker.NightlyAllowanceVnd);
        });
        var offRoster = nightsByStriker
            .Where(pair => !strikers.Any(striker => striker.Id == pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new StrikerAllowance(pair.Key, pair.Key, pair.Value, 0, 0));
        return onRoster.Concat(offRoster).ToList();
    }
}
