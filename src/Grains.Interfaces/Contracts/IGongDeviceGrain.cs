
namespace GongGrid.Grains.Interfaces;

/// <summary>
/// A gong sensor, alarm button or smart speaker, keyed "district/commune/village/device": checks each event's
/// clock, tracks health, and passes strikes, presses and playbacks to its village.
/// </summary>
[Alias("gonggrid.IGongDeviceGrain")]
public interface IGongDeviceGrain : IGrainWithStringKey
{
    /// <summary>Sets the device from its roster entry.</summary>
    Task ConfigureAsync(DeviceSetup setup);

    /// <summary>Applies one event; returns only once it is persisted. Throws <see cref="UnknownDeviceException"/> for a device not in the roster.</summary>
    Task<EventReceipt> ReceiveAsync(DeviceEvent deviceEvent);

    /// <summary>The village reports the gong damaged, lost, or replaced (ok).</summary>
    Task SetConditionAsync(DeviceCondition condition);

    /// <summary>The device left the roster: from now on its events are refused as from an unknown device.</summary>
    Task RetireAsync();

    [ReadOnly]
    Task<DeviceStatus> GetStatusAsync();

    /// <summary>
    /// Reports the device offline once it has been silent longer than its district allows. Its village asks every
    /// device on one reminder of its own, one way, so the village never waits on a device (devices call villages).
    /// </summary>
    [OneWay]
    Task CheckSilenceAsync();
}
