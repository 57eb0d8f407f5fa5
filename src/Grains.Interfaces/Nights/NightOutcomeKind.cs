namespace GongGrid.Grains.Interfaces;

/// <summary>What a village did for one night's peace signal.</summary>
[GenerateSerializer, Alias("gonggrid.NightOutcomeKind")]
public enum NightOutcomeKind
{
    /// <summary>The window is still open and no round has been heard yet.</summary>
    Pending,

    /// <summary>A complete round started inside the on-time window.</summary>
    OnTime,

    /// <summary>A complete round started before the on-time window.</summary>
    Early,

    /// <summary>A complete round started after the on-time window.</summary>
    Late,

    /// <summary>A round was struck with fewer strikes than required.</summary>
    Incomplete,

    /// <summary>The window closed with no round and no playback.</summary>
    Missed,

    /// <summary>A smart speaker played the peace signal in the on-time window.</summary>
    SpeakerPlayback,
}
