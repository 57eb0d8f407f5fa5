namespace GongGrid.Grains.Roster;

/// <summary>Collects every error found in one roster file, placing each by its JSON path.</summary>
internal sealed class RosterErrors(string source, JsonLineIndex index)
{
    private readonly List<RosterError> _errors = [];

    public int Count => _errors.Count;

    /// <summary>An error about the value at <paramref name="path"/>.</summary>
    public void AtValue(string path, string message) => Add(index.ValueAt(path), path, message);

    /// <summary>An error about the property name of <paramref name="path"/> (unknown or misspelled names).</summary>
    public void AtName(string path, string message) => Add(index.NameAt(path), path, message);

    /// <summary>An error about something missing from the object or array at <paramref name="containerPath"/>.</summary>
    public void Within(string containerPath, string path, string message) => Add(index.ValueAt(containerPath), path, message);

    /// <summary>Line of the value at <paramref name="path"/>, to point from one error to an earlier place.</summary>
    public int LineOf(string path) => index.ValueAt(path).Line;

    public void Add(JsonProblem problem) => Add(problem.At, problem.Path, problem.Message);

    /// <summary>All errors in file order.</summary>
    public IReadOnlyList<RosterError> InFileOrder() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private void Add(TextPosition at, string path, string message) =>
        _errors.Add(new RosterError(source, at.Line, at.Column, path, message));
}
