namespace GongGrid.Grains.Interfaces;

/// <summary>A device's health as its grain knows it.</summary>
/// <param name="LastSeen">Last event of any kind; null when never heard from.</param>
/// <param name="Online">False once silent for longer than the district's offline threshold.</param>
/// <param name="SequenceGaps">Events the device numbered but the grid never received.</param>
/// <param name="ClockSkewedEvents">Events whose device time was too far off and was replaced by the receive time.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.DeviceStatus")]
public sealed record DeviceStatus(
    string DeviceKey,
    DeviceKind Kind,
    string Place,
    DeviceCondition Condition,
    bool Online,
    DateTimeOffset? LastSeen,
    int? BatteryPercent,
    long SequenceGaps,
    long ClockSkewedEvents)
{
    /// <summary>Battery at or below this needs a visit.</summary>
    public const int LowBatteryPercent = 20;

    /// <summary>Whether someone should go and look: offline, damaged, lost or low on battery.</summary>
    public bool NeedsAttention => !Online || Condition != DeviceCondition.Ok || BatteryPercent <= LowBatteryPercent;
}
