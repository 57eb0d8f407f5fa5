namespace GongGrid.Grains.Roster;

/// <summary>One problem in a roster file, with where it is: the file, 1-based line and column, and JSON path.</summary>
/// <param name="Source">The file name or other label the roster was read from.</param>
/// <param name="Path">JSONPath of the offending value, e.g. <c>$.communes[3].villages[2].devices[0].condition</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record RosterError(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary>Compiler style: <c>ngoc-lac.roster.json:42:27: $.communes[0].slug: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}: {Path}: {Message}";
}
