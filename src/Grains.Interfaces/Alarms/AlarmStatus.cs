namespace GongGrid.Grains.Interfaces;

/// <summary>The lifecycle of an alarm: raised, acknowledged by an officer, resolved with a note.</summary>
[GenerateSerializer, Alias("gonggrid.AlarmStatus")]
public enum AlarmStatus
{
    Raised,
    Acknowledged,
    Resolved,
}
