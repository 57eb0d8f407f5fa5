using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;
using GongGrid.Runtime;
using GongGrid.Runtime.Persistence;

namespace GongGrid.Grains.Villages;

/// <summary>
/// A village: hears its gongs, speakers and buttons, decides each night's outcome, raises alarms, and reports
/// changes up to its commune. Calls only ever go up (village to commune), never down, so a query can never
/// wait on a grain that is waiting on it.
/// </summary>
[GrainType("village")]
public sealed partial class VillageGrain(
    [PersistentState("profile")] IPersistentState<VillageProfile> profile,
    [PersistentState("signals")] IPersistentState<VillageSignals> signals,
    TimeProvider clock) : Grain, IVillageGrain
{
    private const string NightClose = "night-close";

    private VillageSetup Setup => profile.State.Setup
        ?? throw new InvalidOperationException($"Village '{GetPrimaryKeyString()}' is not in the roster.");

    private SignalSettings Settings => Setup.Settings;

    private ICommuneGrain Commune => GrainFactory.GetGrain<ICommuneGrain>(GrainKeys.Parent(GetPrimaryKeyString()));

    public async Task ConfigureAsync(VillageSetup setup)
    {
        var state = profile.State;
        if (state.Setup is null)
        {
            state.ConfiguredAt = clock.GetUtcNow();
        }
        state.Setup = setup;
        state.Devices = setup.Roster.Devices.ToDictionary(
            device => device.Slug,
            device => state.Devices.GetValueOrDefault(device.Slug) ?? NewDeviceStatus(setup.Key, device));
        await profile.WriteStateAsync();
        await ReportCoverageIfChangedAsync(force: true);
        var nextClose = NightCalendar.NextClose(clock.GetUtcNow(), setup.Settings);
        await RegisterOrUpdateReminder(NightClose, nextClose - clock.GetUtcNow(), TimeSpan.FromDays(1));
    }

    public async Task RecordDeviceStatusAsync(DeviceStatus status)
    {
        var slug = GrainKeys.Slug(status.DeviceKey);
        var conditionChanged = profile.State.Devices.GetValueOrDefault(slug)?.Condition != status.Condition;
        profile.State.Devices[slug] = status;
        await profile.WriteStateAsync();
        if (conditionChanged)
        {
            await ReportCoverageIfChangedAsync(force: false);
        }
        await Commune.RecordDeviceStatusAsync(status);
    }

    public Task<VillageNight> GetNightAsync(DateOnly night) => Task.FromResult(NightOf(night));

    public Task<IReadOnlyList<VillageNight>> GetHistoryAsync(int nights)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nights);
        IReadOnlyList<VillageNight> history = profile.State.Nights.AsEnumerable().Reverse().Take(nights).ToList();
        return Task.FromResult(history);
    }

    private static DeviceStatus NewDeviceStatus(string villageKey, Interfaces.Roster.DeviceRoster device) =>
        new(GrainKeys.Child(villageKey, device.Slug), device.Kind, device.Place, device.Condition, true, null, null, 0, 0);

    private async Task ReportCoverageIfChangedAsync(bool force)
    {
        var setup = Setup;
        var devices = setup.Roster.Devices.Select(device =>
            device with { Condition = profile.State.Devices.GetValueOrDefault(device.Slug)?.Condition ?? device.Condition });
        var gaps = CoverageRule.FindGaps(setup.Roster.Clusters, devices, Settings.AudibleRadiusMeters).ToList();
        if (!force && gaps.SequenceEqual(profile.State.CoverageGaps))
        {
            return;
        }
        profile.State.CoverageGaps = gaps;
        await profile.WriteStateAsync();
        await Commune.RecordCoverageAsync(new VillageCoverage(setup.Key, setup.Roster.Name, gaps));
    }
}
