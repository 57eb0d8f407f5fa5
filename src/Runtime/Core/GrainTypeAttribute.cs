namespace GongGrid.Runtime;

/// <summary>Names a grain class's type in grain ids and storage ("village"); without it the class name is used.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
