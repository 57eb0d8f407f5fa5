using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;

namespace GongGrid.Grains.Villages;

/// <summary>The village's part in monthly allowance and quarterly reports, from its own history and its roster grain.</summary>
public sealed partial class VillageGrain
{
    public async Task<VillageAllowances> GetAllowancesAsync(int year, int month)
    {
        var key = Key;
        var roster = await Roster.GetAsync();
        var struck = profile.State.Nights
            .Where(night => night.StrikerId is not null)
            .Select(night => new NightStruck(night.Outcome.Night, night.Outcome.Kind, night.StrikerId!));
        return new VillageAllowances(key, profile.State.Name, Allowance.ForMonth(struck, year, month, roster.Strikers));
    }

    public async Task<VillageQuarter> GetQuarterAsync(Quarter quarter)
    {
        var key = Key;
        var roster = await Roster.GetAsync();
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
        var devices = roster.Devices
            .Select(device => profile.State.Devices.GetValueOrDefault(device.Slug)
                ?? new DeviceStatus(GrainKeys.Child(key, device.Slug), device.Kind, device.Place, device.Condition, true, null, null, 0, 0))
            .ToList();
        return new VillageQuarter(key, profile.State.Name, quarter, OnTimeRate.Of(outcomes), counts, alarmsByKind, devices);
    }
}
