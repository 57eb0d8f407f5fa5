namespace GongGrid.Grains.Interfaces;

/// <summary>A device says it is alive, with its battery and radio signal when it knows them.</summary>
public sealed record HeartbeatEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, int? BatteryPercent, int? SignalDbm);
