using System.Globalization;
using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// The on-time rate night by night over the last nights, for the district (or commune) and each commune in it,
/// gathered from the villages' histories (the district grain keeps live counts for 14 nights only). It fans out
/// from here, outside every grain, like the reports.
/// </summary>
public sealed class NightTrend(IGrainFactory grains)
{
    public async Task<IReadOnlyList<TrendLine>> LinesAsync(string districtOrCommuneKey, int nights)
    {
        if (nights is < 1 or > 124)
        {
            throw new ArgumentException($"nights {nights} is outside 1 to 124");
        }

        var communes = await ScopePlaces.CommunesAsync(grains, districtOrCommuneKey);
        var lines = await Task.WhenAll(communes.Select(async commune =>
        {
            var histories = await Task.WhenAll(commune.Villages.Select(village => grains.GetGrain<IVillageGrain>(village.Key).GetHistoryAsync(nights)));
            return Line(commune.Key, commune.Name, histories.SelectMany(history => history));
        }));
        if (communes.Count == 1)
        {
            return lines;
        }

        var district = await grains.GetGrain<IDistrictGrain>(districtOrCommuneKey).GetSetupAsync();
        var total = new TrendLine(district.Key, district.Name, [.. lines
            .SelectMany(line => line.Nights)
            .GroupBy(night => night.Night)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new TrendNight(group.Key, group.Sum(night => night.OnTime), group.Sum(night => night.Final)))]);
        return [total, .. lines];
    }

    private static TrendLine Line(string key, string name, IEnumerable<VillageNight> nights) =>
        new(key, name, [.. nights
            .GroupBy(night => night.Outcome.Night)
            .OrderBy(group => group.Key)
            .Select(group => Night(group.Key, group.Select(night => night.Outcome)))]);

    private static TrendNight Night(DateOnly night, IEnumerable<NightOutcome> outcomes)
    {
        var rate = OnTimeRate.Of(outcomes);
        return new TrendNight(night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rate.OnTimeNights, rate.Nights);
    }
}

/// <summary>One place's nights: how many villages were on time (struck or played) of those whose night is final.</summary>
public sealed record TrendLine(string Key, string Name, IReadOnlyList<TrendNight> Nights);

public sealed record TrendNight(string Night, int OnTime, int Final);
