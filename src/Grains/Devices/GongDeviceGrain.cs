using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Roster;
using GongGrid.Grains.Rules;
using GongGrid.Grains.Placement;
using GongGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Grains.Devices;

/// <summary>
/// One device. Strikes, presses and playbacks are persisted by the village (which also de-duplicates them), so
/// the device writes its own state only for heartbeats and health changes; last-seen and counters moved by other
/// events are written when the activation is collected (Orleans writes nothing on its own).
/// </summary>
[GrainType("device"), CommunePlacement]
public sealed class GongDeviceGrain(
    [PersistentState("device", GridStore.Name)] IPersistentState<DeviceState> device,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IGongDeviceGrain, IRemindable
{
    /// <summary>
    /// Heartbeat ids kept for de-duplication. A resend comes within the bridge's in-flight window, a heartbeat or two
    /// per device; a few ids cover it without growing the state of every device in the country.
    /// </summary>
    private const int HeartbeatsRemembered = 8;

    /// <summary>Last-seen or counters changed since the last write.</summary>
    private bool _unsaved;

    private DeviceSetup Setup => device.State.Setup ?? throw new UnknownDeviceException(this.GetPrimaryKeyString());

    private IVillageGrain Village => GrainFactory.Get<IVillageGrain>(GrainKeys.Parent(this.GetPrimaryKeyString()));

    public async Task ConfigureAsync(DeviceSetup setup)
    {
        if (device.State.Setup is null)
        {
            device.State.ConfiguredAt = clock.GetUtcNow();
        }
        device.State.Setup = setup;
        device.State.Condition = setup.Roster.Condition;
        // Villages take a device as healthy until told otherwise, so only a gong already damaged or lost in the
        // roster is reported at import, and a village of healthy devices keeps no status at all.
        device.State.Reported ??= Status() with { Condition = DeviceCondition.Ok, Online = true };
        await ReportIfChangedAsync(writeAnyway: true);
    }

    public async Task<EventReceipt> ReceiveAsync(DeviceEvent deviceEvent)
    {
        var setup = Setup;
        EnsureDeviceCanSend(setup.Roster.Kind, deviceEvent);
        var now = clock.GetUtcNow();
        var receivedAt = deviceEvent.ReceivedAt is { } bridgeTime && bridgeTime <= now ? bridgeTime : now;
        var (at, skewed) = ClockSkew.Resolve(deviceEvent.DeviceTime, receivedAt, setup.Settings.MaxClockSkew);
        var disposition = deviceEvent switch
        {
            StrikeEvent strike => await Village.RecordStrikeAsync(new HeardStrike(Slug, strike.EventId, at, strike.StrikerId)),
            AlarmButtonEvent press => await Village.RecordAlarmButtonAsync(new PressedAlarm(Slug, press.EventId, at, press.Kind)),
            PlaybackEvent playback => await Village.RecordPlaybackAsync(new HeardPlayback(Slug, playback.EventId, at, playback.Program)),
            HeartbeatEvent heartbeat => ApplyHeartbeat(heartbeat),
            _ => throw new ArgumentException($"Unknown device event type {deviceEvent.GetType().Name}.", nameof(deviceEvent)),
        };
        Heard(deviceEvent, receivedAt, skewed && disposition == EventDisposition.Applied);
        await ReportIfChangedAsync(writeAnyway: deviceEvent is HeartbeatEvent && disposition == EventDisposition.Applied);
        return new EventReceipt(deviceEvent.EventId, disposition, skewed, at);
    }

    public async Task SetConditionAsync(DeviceCondition condition)
    {
        _ = Setup;
        device.State.Condition = condition;
        await ReportIfChangedAsync(writeAnyway: true);
    }

    public async Task RetireAsync()
    {
        if (device.State.Setup is not null)
        {
            device.State.Setup = null;
            await device.WriteOrDeactivateAsync(this);
        }
    }

    public Task<DeviceStatus> GetStatusAsync() => Task.FromResult(Status());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved && device.State.Setup is not null)
        {
            await device.WriteStateAsync(cancellationToken);
        }
    }

    public Task CheckSilenceAsync() => device.State.Setup is null ? Task.CompletedTask : ReportIfChangedAsync(writeAnyway: false);

    /// <summary>
    /// Devices once watched for their own silence on a reminder each, which the silo keeps in memory (about 2.3 KB)
    /// whether the device is active or not; their village watches them now, so an old reminder removes itself.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        await CheckSilenceAsync();
    }

    private string Slug => GrainKeys.Slug(this.GetPrimaryKeyString());

    private void EnsureDeviceCanSend(DeviceKind kind, DeviceEvent deviceEvent)
    {
        var (events, sender) = deviceEvent switch
        {
            StrikeEvent => ("strikes", DeviceKind.Gong),
            AlarmButtonEvent => ("alarm presses", DeviceKind.AlarmButton),
            PlaybackEvent => ("playbacks", DeviceKind.Speaker),
            _ => ("heartbeats", kind), // every kind of device sends heartbeats
        };
        if (kind != sender)
        {
            // In the roster's words, since that is where the operator looks to fix it.
            throw new ArgumentException(
                $"Device '{this.GetPrimaryKeyString()}' cannot send {events}: the roster lists it as kind '{RosterEnums.DeviceKinds.NameOf(kind)}', and only kind '{RosterEnums.DeviceKinds.NameOf(sender)}' sends {events}.",
                nameof(deviceEvent));
        }
    }

    private EventDisposition ApplyHeartbeat(HeartbeatEvent heartbeat)
    {
        var state = device.State;
        if (state.RecentHeartbeats.Contains(heartbeat.EventId))
        {
            return EventDisposition.Duplicate;
        }
        state.RecentHeartbeats.Add(heartbeat.EventId);
        if (state.RecentHeartbeats.Count > HeartbeatsRemembered)
        {
            state.RecentHeartbeats.RemoveAt(0);
        }
        state.BatteryPercent = heartbeat.BatteryPercent ?? state.BatteryPercent;
        state.SignalDbm = heartbeat.SignalDbm ?? state.SignalDbm;
        return EventDisposition.Applied;
    }

    private void Heard(DeviceEvent deviceEvent, DateTimeOffset receivedAt, bool skewed)
    {
        var state = device.State;
        if (state.LastSeen is null || receivedAt > state.LastSeen)
        {
            state.LastSeen = receivedAt;
        }
        if (skewed)
        {
            state.ClockSkewedEvents++;
        }
        _unsaved = true;
        if (deviceEvent.Sequence > state.LastSequence)
        {
            // Counted as events arrive: one that turns up late, after a later one, still counts as a gap.
            // Saturating: a counter that jumps to the top of its range must not wrap the total negative.
            var missed = state.LastSequence == 0 ? 0 : deviceEvent.Sequence - state.LastSequence - 1;
            state.SequenceGaps = missed > long.MaxValue - state.SequenceGaps ? long.MaxValue : state.SequenceGaps + missed;
            state.LastSequence = deviceEvent.Sequence;
        }
        else if (deviceEvent.Sequence <= 1)
        {
            state.LastSequence = deviceEvent.Sequence; // the device restarted its counter
        }
    }

    private async Task ReportIfChangedAsync(bool writeAnyway)
    {
        var status = Status();
        var changed = !SameHealth(status, device.State.Reported);
        if (changed)
        {
            device.State.Reported = status;
        }
        if (changed || writeAnyway)
        {
            await device.WriteOrDeactivateAsync(this);
            _unsaved = false;
        }
        if (changed)
        {
            await Village.RecordDeviceStatusAsync(status);
        }
    }

    private DeviceStatus Status()
    {
        var state = device.State;
        var setup = Setup;
        var silentSince = state.LastSeen ?? state.ConfiguredAt;
        var online = clock.GetUtcNow() - silentSince < setup.Settings.DeviceOfflineAfter;
        return new DeviceStatus(this.GetPrimaryKeyString(), setup.Roster.Kind, setup.Roster.Place, state.Condition, online,
            state.LastSeen, state.BatteryPercent, state.SequenceGaps, state.ClockSkewedEvents);
    }

    /// <summary>Health as the village sees it: a new last-seen time alone is not worth a message.</summary>
    private static bool SameHealth(DeviceStatus current, DeviceStatus? reported) =>
        reported is not null
        && current.Online == reported.Online
        && current.Condition == reported.Condition
        && current.NeedsAttention == reported.NeedsAttention;
}
