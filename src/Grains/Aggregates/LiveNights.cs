namespace GongGrid.Grains.Aggregates;

/// <summary>
/// The per-night values of an aggregate grain, kept as a persistent state of their own: they change with every
/// report from below (a village's outcome, a commune's counts) while the rest of the grain's state (setup, live
/// alarms, devices needing attention) rarely does, so a report writes only this small part.
/// </summary>
[GenerateSerializer, Alias("gonggrid.LiveNights`1")]
public sealed class LiveNights<TValue>
{
    /// <summary>Each source's value, per recent night.</summary>
    [Id(0)]
    public List<NightEntries<TValue>> Nights { get; set; } = [];
}
