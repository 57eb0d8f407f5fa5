namespace GongGrid.Grains.Interfaces;

/// <summary>How many villages had each outcome on a night.</summary>
/// <param name="Final">
/// Of these villages, how many have closed the night (their outcome can no longer change). Communes count it for
/// their district, so a night summary is final when every village is; other reports leave it 0.
/// </param>
[GenerateSerializer, Immutable, Alias("gonggrid.OutcomeCounts")]
public sealed record OutcomeCounts(
    int Pending = 0, int OnTime = 0, int Early = 0, int Late = 0, int Incomplete = 0, int Missed = 0, int SpeakerPlayback = 0, int Final = 0)
{
    public static OutcomeCounts None { get; } = new();

    /// <summary>How many outcome kinds there are: the length of a span indexed by <see cref="NightOutcomeKind"/>.</summary>
    public const int Kinds = (int)NightOutcomeKind.SpeakerPlayback + 1;

    /// <summary>Counts from villages tallied by kind, indexed by <see cref="NightOutcomeKind"/>, <paramref name="final"/> of them final.</summary>
    public static OutcomeCounts From(ReadOnlySpan<int> villagesByKind, int final) => new(
        Pending: villagesByKind[(int)NightOutcomeKind.Pending],
        OnTime: villagesByKind[(int)NightOutcomeKind.OnTime],
        Early: villagesByKind[(int)NightOutcomeKind.Early],
        Late: villagesByKind[(int)NightOutcomeKind.Late],
        Incomplete: villagesByKind[(int)NightOutcomeKind.Incomplete],
        Missed: villagesByKind[(int)NightOutcomeKind.Missed],
        SpeakerPlayback: villagesByKind[(int)NightOutcomeKind.SpeakerPlayback],
        Final: final);

    public int Villages => Pending + OnTime + Early + Late + Incomplete + Missed + SpeakerPlayback;

    /// <summary>Villages that gave the signal on time, struck or played.</summary>
    public int OnTimeOrPlayed => OnTime + SpeakerPlayback;

    public int Of(NightOutcomeKind kind) => kind switch
    {
        NightOutcomeKind.Pending => Pending,
        NightOutcomeKind.OnTime => OnTime,
        NightOutcomeKind.Early => Early,
        NightOutcomeKind.Late => Late,
        NightOutcomeKind.Incomplete => Incomplete,
        NightOutcomeKind.Missed => Missed,
        _ => SpeakerPlayback,
    };

    public OutcomeCounts Add(NightOutcomeKind kind, int villages) => kind switch
    {
        NightOutcomeKind.Pending => this with { Pending = Pending + villages },
        NightOutcomeKind.OnTime => this with { OnTime = OnTime + villages },
        NightOutcomeKind.Early => this with { Early = Early + villages },
        NightOutcomeKind.Late => this with { Late = Late + villages },
        NightOutcomeKind.Incomplete => this with { Incomplete = Incomplete + villages },
        NightOutcomeKind.Missed => this with { Missed = Missed + villages },
        _ => this with { SpeakerPlayback = SpeakerPlayback + villages },
    };

    public OutcomeCounts Plus(OutcomeCounts other) => new(
        Pending + other.Pending, OnTime + other.OnTime, Early + other.Early, Late + other.Late,
        Incomplete + other.Incomplete, Missed + other.Missed, SpeakerPlayback + other.SpeakerPlayback, Final + other.Final);
}
