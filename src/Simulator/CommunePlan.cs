using GongGrid.Grains.Interfaces;

namespace GongGrid.Simulator;

/// <summary>What to generate for one commune of a synthetic district.</summary>
/// <param name="Name">Display name with diacritics, e.g. "Cao Thịnh"; the slug is derived from it.</param>
/// <param name="Villages">How many villages it has.</param>
/// <param name="SpeakerPeaceSignal">True when every village plays the 22:00 signal on a smart speaker (and keeps its gongs for incidents).</param>
/// <param name="Overrides">The commune's departures from the district settings, if any.</param>
public sealed record CommunePlan(string Name, int Villages, bool SpeakerPeaceSignal = false, SignalSettingsOverride? Overrides = null);
