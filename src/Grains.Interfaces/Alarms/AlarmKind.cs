namespace GongGrid.Grains.Interfaces;

/// <summary>Why an alarm was raised; gong strikes alone cannot tell, so they raise <see cref="Unknown"/>.</summary>
[GenerateSerializer, Alias("gonggrid.AlarmKind")]
public enum AlarmKind
{
    Unknown,
    Fire,
    Flood,
    Crime,
    Violence,
    Disaster,
    Other,
}
