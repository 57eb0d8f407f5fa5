namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A district (huyện) as declared in its roster file: the top of the grain tree.</summary>
/// <param name="Key">ASCII slug, e.g. "ngoc-lac".</param>
/// <param name="Name">Display name with diacritics, e.g. "Ngọc Lặc".</param>
/// <param name="Settings">The district's signal settings; communes may override parts of them.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.DistrictRoster")]
public sealed record DistrictRoster(string Key, string Name, SignalSettings Settings, IReadOnlyList<CommuneRoster> Communes);
