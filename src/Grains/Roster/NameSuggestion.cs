namespace GongGrid.Grains.Roster;

/// <summary>Finds the allowed property name a misspelled one was probably meant to be ("vilages" → "villages").</summary>
internal static class NameSuggestion
{
    private const int MaxEdits = 2;

    public static string? Closest(string name, IEnumerable<string> candidates) => candidates
        .Select(c => (Candidate: c, Edits: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
        .Where(c => c.Edits <= MaxEdits)
        .OrderBy(c => c.Edits)
        .Select(c => c.Candidate)
        .FirstOrDefault();

    // Levenshtein distance with one rolling row.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
