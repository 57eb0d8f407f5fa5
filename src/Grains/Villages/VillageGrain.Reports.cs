using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Villages;

/// <summary>The village's part in monthly allowance and quarterly reports, from its own history.</summary>
public sealed partial class VillageGrain
{
    public Task<VillageAllowances> GetAllowancesAsync(int year, int month)
    {
        var setup = Setup;
        var struck = profile.State.Nights
            .Where(night => night.StrikerId is not null)
            .Select(night => new NightStruck(night.Outcome.Night, night.Outcome.Kind, night.StrikerId!));
        var strikers = Allowance.ForMonth(struck, year, month, setup.Roster.Strikers);
        return Task.FromResult(new VillageAllowances(setup.Key, setup.Roster.Name, strikers));
    }

    public Task<VillageQuarter> GetQuarterAsync(Quarter quarter)
    {
        var setup = Setup;
        var outcomes = profile.State.Nights
            .Where(night => quarter.Contains(night.Outcome.Night))
            .Select(night => night.Outcome)
            .ToList();
        var counts = outcomes.Aggregate(OutcomeCounts.None, (sum, outcome) => sum.Add(outcome.Kind, 1));
        var zone = LocalTime.Zone(Settings.TimeZone);
        var alarmsByKind = profile.State.Alarms
            .Where(alarm => quarter.Contains(LocalTime.DateOf(alarm.RaisedAt, zone)))
            .GroupBy(alarm => alarm.Kind)
            .ToDictionary(group => group.Key, group => group.Count());
        return Task.FromResult(new VillageQuarter(setup.Key, setup.Roster.Name, quarter, OnTimeRate.Of(outcomes), counts,
            alarmsByKind, profile.State.Devices.Values.ToList()));
    }
}
