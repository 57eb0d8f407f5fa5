using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Rules;

/// <summary>One village's final outcome for a night and the striker credited with it (from the sensor or the rota).</summary>
public sealed record NightStruck(DateOnly Night, NightOutcomeKind Kind, string StrikerId);
