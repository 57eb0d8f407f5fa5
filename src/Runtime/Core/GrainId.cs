namespace GongGrid.Runtime;

/// <summary>The identity of one grain: its grain type name (e.g. "village") and its string key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
