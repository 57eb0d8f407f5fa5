namespace GongGrid.Grains.Interfaces;

/// <summary>The quarterly report a commune sends to the district police (báo cáo quý).</summary>
[GenerateSerializer, Immutable, Alias("gonggrid.QuarterlyCommuneReport")]
public sealed record QuarterlyCommuneReport(string CommuneKey, string Name, Quarter Quarter, OnTimeRate OnTime, IReadOnlyList<VillageQuarter> Villages);
