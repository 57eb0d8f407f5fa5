namespace GongGrid.Grains.Interfaces;

/// <summary>What a smart speaker played.</summary>
[GenerateSerializer, Alias("gonggrid.PlaybackProgram")]
public enum PlaybackProgram
{
    /// <summary>The nightly peace signal.</summary>
    Peace,

    /// <summary>The alarm signal.</summary>
    Alarm,
}
