namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A commune (xã): its police officer in charge and its villages.</summary>
/// <param name="Slug">ASCII slug unique within the district, e.g. "cao-thinh".</param>
/// <param name="Overrides">Settings that differ from the district's, or null.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneRoster")]
public sealed record CommuneRoster(
    string Slug,
    string Name,
    Officer Officer,
    SignalSettingsOverride? Overrides,
    IReadOnlyList<VillageRoster> Villages);
