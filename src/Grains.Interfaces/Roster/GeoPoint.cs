namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
