namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>How a village gives the nightly peace signal.</summary>
[GenerateSerializer, Alias("gonggrid.PeaceSignalSource")]
public enum PeaceSignalSource
{
    /// <summary>A person strikes the gong.</summary>
    Gong,

    /// <summary>A smart loudspeaker (loa thông minh) plays the signal; gongs stay for incidents.</summary>
    Speaker,
}
