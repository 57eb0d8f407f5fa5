namespace GongGrid.Grains.Interfaces;

/// <summary>What one striker is owed for a month.</summary>
/// <param name="Name">The roster name, or the id when the striker is no longer on the roster.</param>
/// <param name="NightlyRateVnd">From the roster; 0 for a striker no longer on it, so the nights stay visible.</param>
[GenerateSerializer, Immutable, Alias("gonggrid.StrikerAllowance")]
public sealed record StrikerAllowance(string StrikerId, string Name, int NightsStruck, long NightlyRateVnd, long AmountVnd);
