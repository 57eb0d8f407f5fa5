namespace GongGrid.Simulator;

/// <summary>Hands out slugs unique among siblings: "lang-moi", then "lang-moi-2", "lang-moi-3".</summary>
internal sealed class UniqueSlugs
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Claim(string slug)
    {
        var candidate = slug;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
