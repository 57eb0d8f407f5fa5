using System.Diagnostics;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;
using Xunit.Abstractions;

namespace GongGrid.Grains.Tests.Roster;

public sealed class SyntheticDistrictTests(ITestOutputHelper output)
{
    [Fact]
    public void Same_seed_gives_the_same_district_and_another_seed_a_different_one()
    {
        static string Generate(int seed) => RosterJsonWriter.Write(SyntheticDistrict.Create("ngoc-lac", "Ngọc Lặc", 8, 5, 12, seed));

        Assert.Equal(Generate(42), Generate(42));
        Assert.NotEqual(Generate(42), Generate(43));
    }

    [Fact]
    public void Generated_district_passes_every_roster_check()
    {
        var district = SyntheticDistrict.Create("thach-thanh", "Thạch Thành", 25, 5, 20, seed: 11);

        var result = RosterReader.Read(RosterJsonWriter.Write(district), "thach-thanh.roster.json");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Generated_slugs_are_valid_and_unique_among_siblings()
    {
        var district = SyntheticDistrict.Create("quan-hoa", "Quan Hóa", 40, 15, 30, seed: 5);

        AssertUniqueValidSlugs(district.Communes.Select(c => c.Slug));
        foreach (var commune in district.Communes)
        {
            AssertUniqueValidSlugs(commune.Villages.Select(v => v.Slug));
            foreach (var village in commune.Villages)
            {
                AssertUniqueValidSlugs(village.Devices.Select(d => d.Slug));
                AssertUniqueValidSlugs(village.Clusters.Select(c => c.Slug));
                AssertUniqueValidSlugs(village.Strikers.Select(s => s.Id));
            }
        }
    }

    [Fact]
    public void Generated_villages_look_like_the_plans_describe_them()
    {
        var villages = SyntheticDistrict.Create("lang-chanh", "Lang Chánh", 30, 8, 12, seed: 9).Communes.SelectMany(c => c.Villages).ToList();

        Assert.All(villages, v =>
        {
            Assert.InRange(v.Devices.Count(d => d.Kind == DeviceKind.Gong), 1, 3);
            Assert.InRange(v.Clusters.Count, 2, 6);
            Assert.InRange(v.Strikers.Count, 1, 3);
            Assert.All(v.Strikers, s => Assert.InRange(s.NightlyAllowanceVnd, 20_000, 50_000));
            Assert.Equal(v.Households, v.Clusters.Sum(c => c.Households));
        });
        var devices = villages.SelectMany(v => v.Devices).ToList();
        Assert.Contains(devices, d => d.Condition == DeviceCondition.Damaged);
        Assert.Contains(devices, d => d.Condition == DeviceCondition.Lost);
        Assert.Contains(devices, d => d.Kind == DeviceKind.AlarmButton);
        Assert.Contains(villages, v => v.PeaceSignal == PeaceSignalSource.Speaker);
        Assert.Contains(villages, v => GeoDistance.ClustersBeyond(v, 1_000).Any());
    }

    [Fact]
    public void Commune_plans_set_names_village_counts_speakers_and_overrides()
    {
        var overrides = new SignalSettingsOverride { AudibleRadiusMeters = 600 };
        CommunePlan[] plans = [new("Cao Thịnh", 7, SpeakerPeaceSignal: true), new("Phùng Giáo", 4, Overrides: overrides)];

        var district = SyntheticDistrict.Create("ngoc-lac", "Ngọc Lặc", plans, new GeoPoint(20.08, 105.37), seed: 1);

        Assert.Equal(["cao-thinh", "phung-giao"], district.Communes.Select(c => c.Slug));
        Assert.Equal([7, 4], district.Communes.Select(c => c.Villages.Count));
        Assert.All(district.Communes[0].Villages, v => Assert.Equal(PeaceSignalSource.Speaker, v.PeaceSignal));
        Assert.Same(overrides, district.Communes[1].Overrides);
    }

    [Fact]
    public void National_night_of_70000_villages_is_generated_quickly_with_unique_district_keys()
    {
        var clock = Stopwatch.StartNew();
        var nation = SyntheticNation.Create(districts: 700, communesPerDistrict: 10, minVillagesPerCommune: 10, maxVillagesPerCommune: 10, seed: 1);
        clock.Stop();

        var villages = nation.SelectMany(d => d.Communes).SelectMany(c => c.Villages).ToList();
        var devices = villages.Sum(v => v.Devices.Count);
        output.WriteLine($"{nation.Count} districts, {villages.Count} villages, {devices} devices in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(70_000, villages.Count);
        Assert.InRange(devices, 150_000, 250_000);
        AssertUniqueValidSlugs(nation.Select(d => d.Key));
    }

    private static void AssertUniqueValidSlugs(IEnumerable<string> slugs)
    {
        var list = slugs.ToList();
        Assert.All(list, s => Assert.True(Slug.IsValid(s), $"'{s}' is not a valid slug"));
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }
}
