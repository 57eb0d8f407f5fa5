using GongGrid.Api.Tests.Support;
using GongGrid.Silo.Dashboard;
using static GongGrid.Api.Tests.Support.PlayedNightFixture;
using static GongGrid.Api.Tests.Support.SampleDistrict;

namespace GongGrid.Api.Tests;

/// <summary>
/// The dashboard's trend and map after the night of 22 Nov 2026 closed (see <see cref="PlayedNightFixture"/>): what
/// the page's chart and map are drawn from. The browser test sees no final night, so the trend's numbers are
/// checked here.
/// </summary>
public sealed class DashboardTrendAndMapTests(PlayedNightFixture night) : IClassFixture<PlayedNightFixture>
{
    [Fact]
    public async Task The_trend_counts_a_commune_s_final_night_on_time_villages_of_its_villages()
    {
        var lines = await new NightTrend(night.Silo.Grains).LinesAsync(ApiSilo.Commune, 30);

        var line = Assert.Single(lines);
        Assert.Equal("Ngọc Liên", line.Name);
        Assert.Equal(new TrendNight(ApiSilo.Night, OnTime.Count(village => village.StartsWith(ApiSilo.Commune + "/", StringComparison.Ordinal)), VillagesOf(ApiSilo.Commune).Length), Assert.Single(line.Nights));
    }

    [Fact]
    public async Task The_district_s_trend_line_comes_first_and_counts_played_speakers_as_on_time()
    {
        var lines = await new NightTrend(night.Silo.Grains).LinesAsync(ApiSilo.District, 30);

        Assert.Equal(Roster.Communes.Count + 1, lines.Count);
        Assert.Equal(ApiSilo.District, lines[0].Key);
        Assert.Equal(new TrendNight(ApiSilo.Night, OnTime.Length + VillagesOf(CaoThinh).Length, VillageCount), Assert.Single(lines[0].Nights));
    }

    [Fact]
    public async Task A_trend_longer_than_the_kept_history_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => new NightTrend(night.Silo.Grains).LinesAsync(ApiSilo.District, 125));

        Assert.Contains("nights 125", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_places_every_village_of_a_commune_with_its_devices_and_clusters_from_the_roster()
    {
        var map = await new DistrictMap(night.Silo.Grains).DrawAsync(ApiSilo.Commune);

        Assert.Equal("Ngọc Liên", map.Name);
        Assert.Equal(VillagesOf(ApiSilo.Commune).Order(StringComparer.Ordinal), map.Villages.Select(village => village.Key).Order(StringComparer.Ordinal));
        var village = Village(OnTime[0]);
        var drawn = map.Villages.Single(place => place.Key == OnTime[0]);
        Assert.Equal((village.Location.Latitude, village.Location.Longitude), (drawn.Latitude, drawn.Longitude));
        Assert.Equal(village.Devices.Count, drawn.Devices.Count);
        Assert.Equal(village.Clusters.Count, drawn.Clusters.Count);
    }
}
