namespace GongGrid.Grains.Interfaces;

/// <summary>A commune's outcome counts for one night, as it reports them to its district.</summary>
/// <param name="Revision">Grows with every change the commune saved, so a late report cannot undo a newer one.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneNightTally")]
public sealed record CommuneNightTally(string CommuneKey, DateOnly Night, OutcomeCounts Counts, long Revision);
