using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Output;

/// <summary>Everything the district police look at after a night, gathered once so it can be printed or written as JSON.</summary>
public sealed record NightReport(
    DistrictNightSummary Summary,
    IReadOnlyList<CommuneDetail> Communes,
    IReadOnlyList<Alarm> LiveAlarms,
    IReadOnlyList<DeviceStatus> DevicesNeedingAttention,
    IReadOnlyList<VillageAllowances> Allowances);
