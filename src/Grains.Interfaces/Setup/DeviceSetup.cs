using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>A device's roster entry with the settings in force for its village.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.DeviceSetup")]
public sealed record DeviceSetup(string Key, DeviceRoster Roster, SignalSettings Settings);
