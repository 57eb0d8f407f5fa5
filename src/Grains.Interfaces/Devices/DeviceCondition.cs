namespace GongGrid.Grains.Interfaces;

/// <summary>Physical condition of a gong or device, as reported by the village.</summary>
[GenerateSerializer, Alias("gonggrid.DeviceCondition")]
public enum DeviceCondition
{
    Ok,
    Damaged,
    Lost,
}
