namespace GongGrid.Grains.Roster;

/// <summary>A 1-based line and column (in characters) in the roster text.</summary>
internal readonly record struct TextPosition(int Line, int Column);
