namespace GongGrid.Grains.Interfaces;

/// <summary>A commune's outcome counts for one night, as it reports them to its district.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneNightTally")]
public sealed record CommuneNightTally(string CommuneKey, DateOnly Night, OutcomeCounts Counts);
