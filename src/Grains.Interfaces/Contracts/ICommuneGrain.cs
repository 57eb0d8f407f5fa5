
namespace GongGrid.Grains.Interfaces;

/// <summary>A commune (xã), keyed "district/commune": its villages' outcomes, alarms and gaps, passed on to the district.</summary>
[Alias("gonggrid.ICommuneGrain")]
public interface ICommuneGrain : IGrainWithStringKey
{
    /// <summary>Sets the commune's name, officer, effective settings and villages from the roster.</summary>
    Task ConfigureAsync(CommuneSetup setup);

    /// <summary>The commune's roster setup; throws when it was never configured.</summary>
    [ReadOnly]
    Task<CommuneSetup> GetSetupAsync();

    /// <summary>A village's outcome for a night changed.</summary>
    Task RecordVillageNightAsync(VillageNight night);

    /// <summary>A village raised, acknowledged or resolved an alarm.</summary>
    Task RecordAlarmAsync(Alarm alarm);

    /// <summary>A device's health changed.</summary>
    Task RecordDeviceStatusAsync(DeviceStatus status);

    /// <summary>A village's coverage gaps changed.</summary>
    Task RecordCoverageAsync(VillageCoverage coverage);

    /// <summary>Every village's outcome for a night, live alarms, devices to visit and coverage gaps.</summary>
    [ReadOnly]
    Task<CommuneDetail> GetDetailAsync(DateOnly night);

    /// <summary>The villages behind the night's counts other than on time and speaker playback (pending included).</summary>
    [ReadOnly]
    Task<IReadOnlyList<VillageNightLine>> GetVillagesNotOnTimeAsync(DateOnly night);

    /// <summary>
    /// The counts of every night the commune keeps, from which its district rebuilds its own when it activates.
    /// Interleaves with every other call: the district asks while the commune may be waiting on the district.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<CommuneNightTally>> GetTalliesAsync();
}
