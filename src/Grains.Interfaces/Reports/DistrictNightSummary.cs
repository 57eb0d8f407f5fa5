namespace GongGrid.Grains.Interfaces;

/// <summary>The district police's view of one night: counts by outcome, for the district and each commune.</summary>
/// <param name="IsFinal">True once every village's outcome is final (each closes the night on its own reminder).</param>
[GenerateSerializer, Immutable, Alias("gonggrid.DistrictNightSummary")]
public sealed record DistrictNightSummary(
    string DistrictKey,
    string Name,
    DateOnly Night,
    bool IsFinal,
    OutcomeCounts Totals,
    IReadOnlyList<CommuneNightLine> Communes);

/// <summary>One commune's counts in a night summary.</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.CommuneNightLine")]
public sealed record CommuneNightLine(string CommuneKey, string Name, OutcomeCounts Counts);
