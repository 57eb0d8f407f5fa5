namespace GongGrid.Grains.Interfaces;

/// <summary>What raised an alarm.</summary>
[GenerateSerializer, Alias("gonggrid.AlarmSource")]
public enum AlarmSource
{
    /// <summary>Groups of 3 rapid strikes, repeated, on a gong.</summary>
    GongPattern,

    /// <summary>An alarm button.</summary>
    Button,
}
