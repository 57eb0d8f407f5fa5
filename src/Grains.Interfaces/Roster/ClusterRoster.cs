namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A residential cluster (cụm dân cư): households that must hear the village gong.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.ClusterRoster")]
public sealed record ClusterRoster(string Slug, string Name, GeoPoint Location, int Households);
