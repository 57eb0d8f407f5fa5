namespace GongGrid.Grains.Roster;

/// <summary>The kebab-case names an enum is written with in a roster file, e.g. "alarm-button".</summary>
internal sealed class RosterChoices<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byName;
    private readonly Dictionary<T, string> _byValue;

    public RosterChoices(string what, params (string Name, T Value)[] choices)
    {
        What = what;
        _byName = choices.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        _byValue = choices.ToDictionary(c => c.Value, c => c.Name);
        Names = [.. choices.Select(c => c.Name)];
    }

    /// <summary>What the value is, for messages: "device condition".</summary>
    public string What { get; }

    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string name, out T value) => _byName.TryGetValue(name, out value);

    public string NameOf(T value) => _byValue[value];
}
