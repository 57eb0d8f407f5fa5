using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Placement;
using GongGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GongGrid.Grains.Villages;

/// <summary>
/// A village: hears its gongs, speakers and buttons, decides each night's outcome, raises alarms, and reports
/// changes up to its commune. Updates only ever go up (village to commune), never down. The two calls down, its
/// commune reading a provisional night and the village asking its own roster grain, are answered by grains that
/// cannot be waiting on the caller (<see cref="IVillageGrain.GetNightAsync"/> interleaves; the roster calls nobody).
/// </summary>
[GrainType("village"), CommunePlacement]
public sealed partial class VillageGrain(
    [PersistentState("profile", GridStore.Name)] IPersistentState<VillageProfile> profile,
    [PersistentState("signals", GridStore.Name)] IPersistentState<VillageSignals> signals,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<VillageGrain> logger) : Grain, IVillageGrain, IRemindable
{
    private const string NightClose = "night-close";

    private const string DeviceWatch = "device-watch";

    private string Key => profile.State.Key ?? throw new NotInRosterException("Village", this.GetPrimaryKeyString());

    private SignalSettings Settings => profile.State.Settings;

    private ICommuneGrain Commune => GrainFactory.Get<ICommuneGrain>(GrainKeys.Parent(this.GetPrimaryKeyString()));

    private IVillageRosterGrain Roster => GrainFactory.Get<IVillageRosterGrain>(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        profile.State.Settings = SharedSettings.Intern(profile.State.Settings);
        await FinaliseClosedNightsAsync();
    }

    public async Task ConfigureAsync(VillageSetup setup)
    {
        await Roster.ConfigureAsync(setup.Roster);
        var state = profile.State;
        if (state.Key is null)
        {
            state.ConfiguredAt = clock.GetUtcNow();
        }
        state.Key = setup.Key;
        state.Name = setup.Roster.Name;
        state.Settings = SharedSettings.Intern(setup.Settings);
        state.StrikerIds = setup.Roster.Strikers.Select(striker => striker.Id).ToList();
        var slugs = setup.Roster.Devices.Select(device => device.Slug).ToHashSet();
        state.Devices = state.Devices.Where(device => slugs.Contains(device.Key)).ToDictionary();
        await profile.WriteOrDeactivateAsync(this);
        await ReportCoverageIfChangedAsync(force: true);
        await this.RegisterOrUpdateReminder(NightClose, UntilNextClose(), TimeSpan.FromDays(1));
        await WatchDevicesAsync(setup);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        NightClose => CloseNightsAsync(),
        DeviceWatch => AskDevicesAboutSilenceAsync(),
        _ => Task.CompletedTask,
    };

    public async Task RecordDeviceStatusAsync(DeviceStatus status)
    {
        var slug = GrainKeys.Slug(status.DeviceKey);
        var conditionChanged = profile.State.Devices.GetValueOrDefault(slug)?.Condition is not { } known || known != status.Condition;
        profile.State.Devices[slug] = status;
        await profile.WriteOrDeactivateAsync(this);
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

    private async Task ReportCoverageIfChangedAsync(bool force)
    {
        var conditions = profile.State.Devices.ToDictionary(device => device.Key, device => device.Value.Condition);
        var gaps = (await Roster.FindCoverageGapsAsync(conditions, Settings.AudibleRadiusMeters)).ToList();
        if (!force && gaps.SequenceEqual(profile.State.CoverageGaps))
        {
            return;
        }
        profile.State.CoverageGaps = gaps;
        await profile.WriteOrDeactivateAsync(this);
        await Commune.RecordCoverageAsync(new VillageCoverage(Key, profile.State.Name, gaps));
    }
}
