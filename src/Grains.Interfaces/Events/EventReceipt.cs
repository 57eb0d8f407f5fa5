namespace GongGrid.Grains.Interfaces;

/// <summary>The grid's answer to one device event, returned only after the event is applied and persisted.</summary>
/// <param name="EffectiveTime">The time the rules used: the device time, or the receive time when the device clock was skewed.</param>
public sealed record EventReceipt(string EventId, EventDisposition Disposition, bool ClockSkewed, DateTimeOffset EffectiveTime);
