using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Simulator;

namespace GongGrid.Silo.Hosting;

/// <summary>Lets the simulator's devices talk to the grid in-process, through the same ingest path a bridge uses.</summary>
public sealed class IngestSink(DeviceEventIngest ingest) : IDeviceEventSink
{
    public Task<EventReceipt> SendAsync(string deviceKey, DeviceEvent deviceEvent, CancellationToken cancellationToken) =>
        ingest.IngestAsync(deviceKey, deviceEvent);
}
