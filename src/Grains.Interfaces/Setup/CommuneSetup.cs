using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>What a commune grain keeps from the roster: its officer, effective settings and villages.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneSetup")]
public sealed record CommuneSetup(string Key, string Name, Officer Officer, SignalSettings Settings, IReadOnlyList<VillageEntry> Villages);

/// <summary>A village as its commune lists it.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageEntry")]
public sealed record VillageEntry(string Key, string Name);
