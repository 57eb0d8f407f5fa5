using GongGrid.Grains.Interfaces;

namespace GongGrid.Simulator;

/// <summary>Where simulated devices send their events: the grid in-process for the demo, an MQTT broker later.</summary>
public interface IDeviceEventSink
{
    Task<EventReceipt> SendAsync(string deviceKey, DeviceEvent deviceEvent, CancellationToken cancellationToken);
}
