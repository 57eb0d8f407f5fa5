namespace GongGrid.Grains.Interfaces;

/// <summary>One village's line in the quarterly commune report.</summary>
/// <param name="AlarmsByKind">Alarms raised in the quarter, by kind.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.VillageQuarter")]
public sealed record VillageQuarter(
    string VillageKey,
    string Name,
    Quarter Quarter,
    OnTimeRate OnTime,
    OutcomeCounts Nights,
    IReadOnlyDictionary<AlarmKind, int> AlarmsByKind,
    IReadOnlyList<DeviceStatus> Devices);
