using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;

namespace GongGrid.Api.Tests.Support;

/// <summary>The sample roster the silo imports (Ngọc Lặc), for the keys, names and rates tests expect back.</summary>
public static class SampleDistrict
{
    public const string Key = "ngoc-lac";
    public const string NgocLien = "ngoc-lac/ngoc-lien";
    public const string CaoThinh = "ngoc-lac/cao-thinh";
    public const string LamSon = "ngoc-lac/lam-son";

    public static readonly string Json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json"));

    public static readonly DistrictRoster Roster = RosterReader.Read(Json, "ngoc-lac.roster.json").GetRosterOrThrow();

    public static CommuneRoster Commune(string communeKey) => Roster.Communes.Single(commune => $"{Key}/{commune.Slug}" == communeKey);

    public static VillageRoster Village(string villageKey) =>
        Commune(villageKey[..villageKey.LastIndexOf('/')]).Villages.Single(village => villageKey.EndsWith("/" + village.Slug, StringComparison.Ordinal));

    public static string[] VillagesOf(string communeKey) => [.. Commune(communeKey).Villages.Select(village => $"{communeKey}/{village.Slug}")];

    public static int VillageCount => Roster.Communes.Sum(commune => commune.Villages.Count);
}
