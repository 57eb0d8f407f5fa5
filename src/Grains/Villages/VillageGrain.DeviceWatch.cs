using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Villages;

/// <summary>
/// Watching the village's devices for silence. A silent device sends nothing, so something else must look at it on a
/// schedule: one reminder per village asks each device in turn, instead of a reminder per device. The silo holds
/// every reminder of its range in memory, active or not (about 2.3 KB each, measured by benchmark village-memory),
/// and a village has three or four devices.
/// </summary>
public sealed partial class VillageGrain
{
    /// <summary>Checks twice per offline period, so a device is reported at most half a period late.</summary>
    private async Task WatchDevicesAsync(VillageSetup setup)
    {
        if (setup.Roster.Devices.Count > 0)
        {
            var checkEvery = setup.Settings.DeviceOfflineAfter / 2;
            await this.RegisterOrUpdateReminder(DeviceWatch, checkEvery, checkEvery);
        }
        else if (await this.GetReminder(DeviceWatch) is { } watch)
        {
            await this.UnregisterReminder(watch);
        }
    }

    /// <summary>One-way questions: each device reports itself offline through the usual path up, if it must.</summary>
    private async Task AskDevicesAboutSilenceAsync()
    {
        var roster = await Roster.GetAsync();
        foreach (var device in roster.Devices)
        {
            await GrainFactory.Get<IGongDeviceGrain>(GrainKeys.Child(Key, device.Slug)).CheckSilenceAsync();
        }
    }
}
