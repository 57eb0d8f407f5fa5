namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A WGS84 position in decimal degrees.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.GeoPoint")]
public readonly record struct GeoPoint(double Latitude, double Longitude);
