using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Aggregates;

/// <summary>What communes and districts keep live for the police: alarms not yet resolved, devices that need a visit.</summary>
public static class LiveBoard
{
    /// <summary>Adds, updates or (when resolved) removes the alarm; true when the board changed.</summary>
    public static bool Apply(Dictionary<string, Alarm> liveAlarms, Alarm alarm)
    {
        if (alarm.Status == AlarmStatus.Resolved)
        {
            return liveAlarms.Remove(alarm.AlarmId);
        }
        var changed = !liveAlarms.TryGetValue(alarm.AlarmId, out var known) || known != alarm;
        liveAlarms[alarm.AlarmId] = alarm;
        return changed;
    }

    /// <summary>Keeps the device while it needs attention and drops it once healthy; true when the board changed.</summary>
    public static bool Apply(Dictionary<string, DeviceStatus> devicesNeedingAttention, DeviceStatus status)
    {
        if (!status.NeedsAttention)
        {
            return devicesNeedingAttention.Remove(status.DeviceKey);
        }
        var changed = !devicesNeedingAttention.TryGetValue(status.DeviceKey, out var known) || known != status;
        devicesNeedingAttention[status.DeviceKey] = status;
        return changed;
    }

    public static IReadOnlyList<Alarm> Newest(Dictionary<string, Alarm> liveAlarms) =>
        liveAlarms.Values.OrderByDescending(alarm => alarm.RaisedAt).ToList();

    public static IReadOnlyList<DeviceStatus> ByKey(Dictionary<string, DeviceStatus> devices) =>
        devices.Values.OrderBy(device => device.DeviceKey, StringComparer.Ordinal).ToList();
}
