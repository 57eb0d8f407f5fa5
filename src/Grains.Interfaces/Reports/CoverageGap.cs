namespace GongGrid.Grains.Interfaces;

/// <summary>A residential cluster too far from every working gong to hear it: a place to propose a new gong.</summary>
/// <param name="NearestGongMeters">Distance to the nearest working gong, or null when there is none at all.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.CoverageGap")]
public sealed record CoverageGap(string ClusterSlug, string ClusterName, int Households, double? NearestGongMeters);
