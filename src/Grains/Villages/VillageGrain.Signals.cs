using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;
using GongGrid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace GongGrid.Grains.Villages;

/// <summary>Strikes, button presses and playbacks: de-duplicated, persisted, then judged.</summary>
public sealed partial class VillageGrain
{
    /// <summary>Devices whose flood this activation has logged, so a stuck sensor is one warning, not thousands.</summary>
    private readonly HashSet<string> _floodingReported = [];

    public Task<EventDisposition> RecordStrikeAsync(HeardStrike strike) =>
        ApplyAsync(strike.DeviceSlug, strike.EventId, strike.At, () =>
        {
            signals.State.Strikes.Add(strike);
            return (DetectAlarm(strike), Reevaluate(strike.At));
        });

    public Task<EventDisposition> RecordAlarmButtonAsync(PressedAlarm press) =>
        ApplyAsync(press.DeviceSlug, press.EventId, press.At, () =>
        {
            signals.State.Presses.Add(press);
            return (RaiseOrContinue(AlarmSource.Button, press.Kind, press.At, press.At), null);
        });

    public Task<EventDisposition> RecordPlaybackAsync(HeardPlayback playback) =>
        ApplyAsync(playback.DeviceSlug, playback.EventId, playback.At, () =>
        {
            signals.State.Playbacks.Add(playback);
            return (null, playback.Program == PlaybackProgram.Peace ? Reevaluate(playback.At) : null);
        });

    /// <summary>Applies an event once: records it, saves, and reports the alarm or night it changed.</summary>
    private async Task<EventDisposition> ApplyAsync(string deviceSlug, string eventId, DateTimeOffset at, Func<(Alarm? Alarm, VillageNight? Night)> apply)
    {
        if (Admit(deviceSlug, eventId, at) is { } refused)
        {
            await ReportAgainIfDuplicateAsync(refused, at);
            return refused;
        }
        var (alarm, night) = apply();
        await SaveAndReportAsync(alarm, night);
        return EventDisposition.Applied;
    }

    /// <summary>Null when the event should be applied; otherwise why it is not.</summary>
    private EventDisposition? Admit(string deviceSlug, string eventId, DateTimeOffset at)
    {
        _ = Key;
        if (signals.State.Contains(deviceSlug, eventId))
        {
            return EventDisposition.Duplicate;
        }
        var cutoff = clock.GetUtcNow() - VillageSignals.Retention;
        if (at < cutoff)
        {
            return EventDisposition.Expired;
        }
        signals.State.DropOlderThan(cutoff);
        if (signals.State.CountFrom(deviceSlug) >= VillageSignals.KeptPerDevice)
        {
            throw Flooding(deviceSlug);
        }
        return null;
    }

    private DeviceFloodingException Flooding(string deviceSlug)
    {
        var deviceKey = $"{Key}/{deviceSlug}";
        if (_floodingReported.Add(deviceSlug))
        {
            logger.LogWarning("Device {DeviceKey} has sent {Kept} signals within {Window}; its further signals are refused as a fault", deviceKey, VillageSignals.KeptPerDevice, VillageSignals.Retention);
        }
        return new DeviceFloodingException(deviceKey, VillageSignals.KeptPerDevice, VillageSignals.Retention);
    }

    /// <summary>
    /// A duplicate is an event sent again because its sender never got the ack: the silo may have died after this
    /// grain persisted it and before the commune heard of the outcome or alarm it changed. Telling the commune
    /// again is harmless, and without it the commune and district would show the old picture.
    /// </summary>
    private async Task ReportAgainIfDuplicateAsync(EventDisposition refused, DateTimeOffset at)
    {
        if (refused != EventDisposition.Duplicate)
        {
            return;
        }
        if (NightCalendar.NightOf(at, Settings) is { } night && Recorded(night) is { } recorded)
        {
            await Commune.RecordVillageNightAsync(recorded);
        }
        if (AlarmAround(at) is { } alarm)
        {
            await Commune.RecordAlarmAsync(alarm);
        }
    }

    /// <summary>
    /// The signals are always written; the profile only when an alarm or a final night changed, and first: a kill
    /// between the two writes then leaves the event unrecorded, so its resend is applied again and continues the
    /// alarm already saved, rather than recorded as a duplicate of an alarm that was never saved.
    /// </summary>
    private async Task SaveAndReportAsync(Alarm? alarm, VillageNight? night)
    {
        if (alarm is not null || night?.Outcome.IsFinal == true)
        {
            await profile.WriteOrDeactivateAsync(this);
        }
        await signals.WriteOrDeactivateAsync(this);
        if (alarm is not null)
        {
            await Commune.RecordAlarmAsync(alarm);
        }
        if (night is not null)
        {
            await Commune.RecordVillageNightAsync(night);
        }
    }
}
