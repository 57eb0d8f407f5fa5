namespace GongGrid.Grains.Interfaces;

/// <summary>The grid's answer to one device event, given only after the event is applied and persisted.</summary>
/// <param name="EffectiveTime">The time the rules used: the device time, or the receive time when the device clock was skewed.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.EventReceipt")]
public sealed record EventReceipt(string EventId, EventDisposition Disposition, bool ClockSkewed, DateTimeOffset EffectiveTime);

/// <summary>What the grid did with a device event.</summary>
[GenerateSerializer, Alias("gonggrid.EventDisposition")]
public enum EventDisposition
{
    /// <summary>Applied to grain state for the first time.</summary>
    Applied,

    /// <summary>Already applied earlier (same device, same event id); nothing changed.</summary>
    Duplicate,

    /// <summary>
    /// Older than the village keeps signals for (so it can no longer tell a duplicate); acknowledged, not applied.
    /// </summary>
    Expired,
}
