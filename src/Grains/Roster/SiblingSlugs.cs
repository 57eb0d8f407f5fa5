namespace GongGrid.Grains.Roster;

/// <summary>Reports a slug used twice among siblings (villages of one commune, devices of one village, ...).</summary>
internal sealed class SiblingSlugs(RosterErrors errors, string what)
{
    private readonly Dictionary<string, string> _firstPaths = new(StringComparer.Ordinal);

    public void Claim(string slug, string path)
    {
        // An empty slug is a missing or wrong-typed one, already reported.
        if (slug.Length == 0 || _firstPaths.TryAdd(slug, path))
        {
            return;
        }

        var first = _firstPaths[slug];
        errors.AtValue(path, $"duplicate {what} '{slug}'; already used at line {errors.LineOf(first)} ({first})");
    }
}
