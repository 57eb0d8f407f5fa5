using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;
using GongGrid.Grains.Storage;

namespace GongGrid.Grains.Villages;

/// <summary>Alarms: raised by strike patterns or buttons, continued while the signal goes on, acknowledged, resolved.</summary>
public sealed partial class VillageGrain
{
    public async Task<Alarm> AcknowledgeAlarmAsync(string alarmId, string officer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officer);
        var alarm = FindAlarm(alarmId);
        if (alarm.Status != AlarmStatus.Raised)
        {
            throw new InvalidOperationException($"Alarm {alarmId} is already {alarm.Status.ToString().ToLowerInvariant()}.");
        }
        return await UpdateAlarmAsync(alarm with { Status = AlarmStatus.Acknowledged, AcknowledgedBy = officer, AcknowledgedAt = clock.GetUtcNow() });
    }

    public async Task<Alarm> ResolveAlarmAsync(string alarmId, string officer, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officer);
        ArgumentException.ThrowIfNullOrWhiteSpace(note, nameof(note));
        var alarm = FindAlarm(alarmId);
        if (alarm.Status == AlarmStatus.Resolved)
        {
            throw new InvalidOperationException($"Alarm {alarmId} is already resolved.");
        }
        var now = clock.GetUtcNow();
        return await UpdateAlarmAsync(alarm with
        {
            Status = AlarmStatus.Resolved,
            AcknowledgedBy = alarm.AcknowledgedBy ?? officer,
            AcknowledgedAt = alarm.AcknowledgedAt ?? now,
            ResolutionNote = note,
            ResolvedAt = now,
        });
    }

    /// <summary>A strike that completes or extends 3-rapid-strike groups, repeated, raises or continues an alarm.</summary>
    private Alarm? DetectAlarm(HeardStrike struck)
    {
        var strikeAt = struck.At;
        if (Settings.AlarmGroupStrikes > 1 && !HasRapidNeighbour(struck))
        {
            return null; // a strike with none in rapid succession is in no alarm group: most strikes, peace rounds' all
        }
        // The gong's own strikes: two gongs sounding the alarm together are two alarm signals, not groups of six.
        var recent = signals.State.Strikes
            .Where(strike => strike.DeviceSlug == struck.DeviceSlug && (strike.At - strikeAt).Duration() <= Settings.AlarmMergeWindow)
            .Select(strike => strike.At);
        var burst = AlarmPattern.Find(recent, Settings).Bursts
            .FirstOrDefault(candidate => candidate.StartedAt <= strikeAt && strikeAt <= candidate.LastStrikeAt);
        return burst is null ? null : RaiseOrContinue(AlarmSource.GongPattern, AlarmKind.Unknown, burst.StartedAt, strikeAt);
    }

    private bool HasRapidNeighbour(HeardStrike struck)
    {
        var rapid = 0;
        foreach (var strike in signals.State.Strikes)
        {
            if (strike.DeviceSlug == struck.DeviceSlug && (strike.At - struck.At).Duration() < Settings.AlarmStrikeMaxGap && ++rapid > 1)
            {
                return true; // the strike itself, and another
            }
        }
        return false;
    }

    /// <summary>
    /// A signal close to a live alarm's last one continues it (a button press can name the kind that strikes
    /// could not); otherwise it raises a new alarm. Returns the alarm raised or continued.
    /// </summary>
    private Alarm RaiseOrContinue(AlarmSource source, AlarmKind kind, DateTimeOffset startedAt, DateTimeOffset signalAt)
    {
        var alarms = profile.State.Alarms;
        var live = alarms.FindLast(alarm => alarm.Status != AlarmStatus.Resolved
            && (signalAt - alarm.LastSignalAt).Duration() <= Settings.AlarmMergeWindow);
        if (live is not null)
        {
            var continued = live with
            {
                Kind = live.Kind == AlarmKind.Unknown ? kind : live.Kind,
                LastSignalAt = signalAt > live.LastSignalAt ? signalAt : live.LastSignalAt,
            };
            alarms[alarms.IndexOf(live)] = continued;
            // Reported even when only the last signal moved: alarms are rare, and a resend after a crash must
            // reach a commune that may never have heard of this alarm.
            return continued;
        }
        var raised = new Alarm($"{Key}#{++profile.State.AlarmsRaised}", Key, kind, source, startedAt, signalAt, AlarmStatus.Raised);
        alarms.Add(raised);
        if (alarms.Count > VillageProfile.AlarmsKept)
        {
            alarms.Remove(alarms.Find(alarm => alarm.Status == AlarmStatus.Resolved) ?? alarms[0]);
        }
        return raised;
    }

    /// <summary>The alarm a signal at <paramref name="at"/> raised or continued, if any.</summary>
    private Alarm? AlarmAround(DateTimeOffset at) =>
        profile.State.Alarms.FindLast(alarm => at >= alarm.RaisedAt - Settings.AlarmMergeWindow && at <= alarm.LastSignalAt + Settings.AlarmMergeWindow);

    private Alarm FindAlarm(string alarmId) =>
        profile.State.Alarms.Find(alarm => alarm.AlarmId == alarmId)
        ?? throw new KeyNotFoundException($"Village '{this.GetPrimaryKeyString()}' has no alarm '{alarmId}'.");

    private async Task<Alarm> UpdateAlarmAsync(Alarm updated)
    {
        var alarms = profile.State.Alarms;
        alarms[alarms.FindIndex(alarm => alarm.AlarmId == updated.AlarmId)] = updated;
        await profile.WriteOrDeactivateAsync(this);
        await Commune.RecordAlarmAsync(updated);
        return updated;
    }
}
