namespace GongGrid.Grains.Interfaces;

/// <summary>How often a village gave the peace signal on time, for a report ("on time 85 of 90 nights").</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.OnTimeRate")]
public readonly record struct OnTimeRate(int OnTimeNights, int Nights)
{
    /// <summary>On-time nights over nights, or null when there were none.</summary>
    public double? Ratio => Nights == 0 ? null : (double)OnTimeNights / Nights;

    /// <summary>
    /// Counts final outcomes only (a night still open is not yet a result). A speaker playback on time counts as
    /// on time: the movement's target is that every village hears the signal at 22:00, however it is given.
    /// </summary>
    public static OnTimeRate Of(IEnumerable<NightOutcome> outcomes)
    {
        var final = outcomes.Where(outcome => outcome.IsFinal).ToList();
        var onTime = final.Count(outcome => outcome.Kind is NightOutcomeKind.OnTime or NightOutcomeKind.SpeakerPlayback);
        return new OnTimeRate(onTime, final.Count);
    }
}
