namespace GongGrid.Grains.Interfaces;

/// <summary>What a district grain keeps from the roster: its name, settings and communes.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.DistrictSetup")]
public sealed record DistrictSetup(string Key, string Name, SignalSettings Settings, IReadOnlyList<CommuneEntry> Communes);

/// <summary>A commune as its district lists it.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneEntry")]
public sealed record CommuneEntry(string Key, string Name, int Villages);
