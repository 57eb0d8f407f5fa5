namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A village or hamlet (thôn, làng, xóm) with its gongs and devices, residential clusters and strikers.</summary>
/// <param name="Slug">ASCII slug unique within the commune, e.g. "lang-moi".</param>
/// <param name="PeaceSignal">Whether the nightly peace signal is a struck gong or a smart-speaker playback.</param>
/// <param name="Officer">The commune police officer in charge of the village (công an viên).</param>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageRoster")]
public sealed record VillageRoster(
    string Slug,
    string Name,
    GeoPoint Location,
    int Households,
    PeaceSignalSource PeaceSignal,
    Officer Officer,
    IReadOnlyList<DeviceRoster> Devices,
    IReadOnlyList<ClusterRoster> Clusters,
    IReadOnlyList<StrikerRoster> Strikers);
