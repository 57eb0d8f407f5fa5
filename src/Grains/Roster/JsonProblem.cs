namespace GongGrid.Grains.Roster;

/// <summary>A problem found while indexing the JSON text itself: a syntax error or a repeated property.</summary>
internal sealed record JsonProblem(string Path, TextPosition At, string Message);
