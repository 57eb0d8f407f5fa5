namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A police officer or village head: a name and a phone number to call.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.Officer")]
public sealed record Officer(string Name, string Phone);
