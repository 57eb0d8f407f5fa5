using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Ingest;

/// <summary>
/// The one way device events enter the grid (from the demo simulator now, from edge bridges over gRPC later):
/// checks the event's shape, then hands it to its device grain and returns the receipt once it is persisted.
/// </summary>
public sealed class DeviceEventIngest(IGrainFactory grains)
{
    public Task<EventReceipt> IngestAsync(string deviceKey, DeviceEvent deviceEvent)
    {
        if (GrainKeys.Depth(deviceKey) != 4 || deviceKey.Split('/').Any(slug => !Interfaces.Roster.Slug.IsValid(slug)))
        {
            throw new ArgumentException($"'{deviceKey}' is not a device key; expected district/commune/village/device, each a lowercase ASCII slug.", nameof(deviceKey));
        }
        if (string.IsNullOrWhiteSpace(deviceEvent.EventId) || deviceEvent.EventId.Length > DeviceEventJson.MaxEventIdLength)
        {
            throw new ArgumentException($"Event id of an event from '{deviceKey}' must be 1 to {DeviceEventJson.MaxEventIdLength} characters.", nameof(deviceEvent));
        }
        if (deviceEvent.Sequence < 0)
        {
            throw new ArgumentException($"Event '{deviceEvent.EventId}' from '{deviceKey}' has a negative sequence number {deviceEvent.Sequence}.", nameof(deviceEvent));
        }
        return grains.Get<IGongDeviceGrain>(deviceKey).ReceiveAsync(deviceEvent);
    }
}
