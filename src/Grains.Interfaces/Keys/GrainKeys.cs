namespace GongGrid.Grains.Interfaces;

/// <summary>
/// Grain keys are slash-separated slugs, one per level: "ngoc-lac" (district), "ngoc-lac/cao-thinh" (commune),
/// "ngoc-lac/cao-thinh/lang-moi" (village), "ngoc-lac/cao-thinh/lang-moi/gong-1" (device).
/// </summary>
public static class GrainKeys
{
    public static string Child(string parentKey, string slug) => $"{parentKey}/{slug}";

    /// <summary>The key one level up; the district key is its own top.</summary>
    public static string Parent(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>The last segment: the slug of the place or device itself.</summary>
    public static string Slug(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>The district a key belongs to (its first segment).</summary>
    public static string District(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>Whether <paramref name="key"/> is <paramref name="ancestor"/> or lies below it ("ngoc-lac/x" is within "ngoc-lac", "ngoc-lac-2" is not).</summary>
    public static bool IsWithin(string key, string ancestor) =>
        key.Length > ancestor.Length
            ? key[ancestor.Length] == '/' && key.StartsWith(ancestor, StringComparison.Ordinal)
            : key == ancestor;

    public static int Depth(string key) => key.Count(character => character == '/') + 1;
}
