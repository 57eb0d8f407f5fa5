namespace GongGrid.Grains.Interfaces;

/// <summary>Someone pressed an alarm button, choosing the kind of emergency.</summary>
public sealed record AlarmButtonEvent(string EventId, DateTimeOffset DeviceTime, long Sequence, AlarmKind Kind);
