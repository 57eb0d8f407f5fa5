
namespace GongGrid.Grains.Interfaces;

/// <summary>A district (huyện), keyed by its slug: live counts and alarms for every commune, pushed up to it.</summary>
[Alias("gonggrid.IDistrictGrain")]
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>Sets the district's name, settings and communes from its roster.</summary>
    Task ConfigureAsync(DistrictSetup setup);

    /// <summary>The district's roster setup; throws when it was never configured.</summary>
    [ReadOnly]
    Task<DistrictSetup> GetSetupAsync();

    /// <summary>A commune reports its counts for a night (replacing what it reported before).</summary>
    Task RecordCommuneNightAsync(CommuneNightTally tally);

    /// <summary>A village raised, acknowledged or resolved an alarm.</summary>
    Task RecordAlarmAsync(Alarm alarm);

    /// <summary>A device's health changed.</summary>
    Task RecordDeviceStatusAsync(DeviceStatus status);

    /// <summary>
    /// Subscribes <paramref name="watcher"/> to the district's alarm changes, or renews its subscription, which lapses a
    /// minute after its last renewal. False when the district held no subscription for it: the first time, or after
    /// the district was activated anew (its silo died, its state failed to write), when changes may have gone unsent.
    /// </summary>
    Task<bool> WatchAlarmsAsync(IAlarmWatcher watcher);

    /// <summary>Counts by outcome for a night, per commune, from live state.</summary>
    [ReadOnly]
    Task<DistrictNightSummary> GetNightSummaryAsync(DateOnly night);

    /// <summary>Alarms raised or acknowledged and not yet resolved, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Alarm>> GetLiveAlarmsAsync();

    /// <summary>Devices that are offline, damaged, lost or low on battery.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DeviceStatus>> GetDevicesNeedingAttentionAsync();
}
