namespace GongGrid.Grains.Interfaces;

/// <summary>What a device in a village is.</summary>
[GenerateSerializer, Alias("gonggrid.DeviceKind")]
public enum DeviceKind
{
    /// <summary>A gong (kẻng) with a strike sensor.</summary>
    Gong,

    /// <summary>A panic button that raises an alarm of a chosen kind.</summary>
    AlarmButton,

    /// <summary>A smart loudspeaker that plays the peace or alarm program.</summary>
    Speaker,
}
