using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Interfaces;

/// <summary>Commune police's view of their commune on a night: every village's outcome, live alarms, devices to visit.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneDetail")]
public sealed record CommuneDetail(
    string CommuneKey,
    string Name,
    Officer Officer,
    DateOnly Night,
    OutcomeCounts Counts,
    IReadOnlyList<VillageNightLine> Villages,
    IReadOnlyList<Alarm> LiveAlarms,
    IReadOnlyList<DeviceStatus> DevicesNeedingAttention,
    IReadOnlyList<VillageCoverage> CoverageGaps);

/// <summary>One village's outcome in a commune detail.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageNightLine")]
public sealed record VillageNightLine(string VillageKey, string Name, NightOutcome Outcome);
