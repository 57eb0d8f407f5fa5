namespace GongGrid.Grains.Interfaces.Roster;

/// <summary>A named gong striker (người đánh kẻng) and the allowance paid per night struck, in VND.</summary>
/// <param name="Id">ASCII slug unique within the village.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.StrikerRoster")]
public sealed record StrikerRoster(string Id, string Name, long NightlyAllowanceVnd);
