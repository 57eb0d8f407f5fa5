namespace GongGrid.Grains.Interfaces;

/// <summary>What the grid did with a device event.</summary>
public enum EventDisposition
{
    /// <summary>Applied to grain state for the first time.</summary>
    Applied,

    /// <summary>Already applied earlier (same event id); nothing changed.</summary>
    Duplicate,
}
