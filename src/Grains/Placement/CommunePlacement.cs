using Orleans.Placement;

namespace GongGrid.Grains.Placement;

/// <summary>
/// Places a grain on the silo of its commune: every grain keyed under "district/commune/…" (villages, their roster
/// grains, devices) lands on the same silo, so the hot calls device → village → commune of a 22:00 burst stay in
/// one process. The silo's <c>CommunePlacementDirector</c> makes the choice.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("gonggrid.CommunePlacement")]
public sealed class CommunePlacement : PlacementStrategy
{
    public static CommunePlacement Instance { get; } = new();
}

/// <summary>Marks a grain class whose activations live on their commune's silo.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommunePlacementAttribute() : PlacementAttribute(CommunePlacement.Instance);
