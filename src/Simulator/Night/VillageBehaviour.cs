namespace GongGrid.Simulator.Night;

/// <summary>What a simulated village does tonight.</summary>
public enum VillageBehaviour
{
    OnTime,
    Late,
    Early,
    Incomplete,
    Silent,
}
