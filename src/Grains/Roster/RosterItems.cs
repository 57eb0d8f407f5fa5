namespace GongGrid.Grains.Roster;

/// <summary>Reads an array of objects of one shape and reports slugs used twice among them.</summary>
internal static class RosterItems
{
    /// <summary>The items read, or null when the array is absent (reported if required) or not an array.</summary>
    /// <param name="whenEmpty">The error for an empty array, or null when empty is fine.</param>
    public static IReadOnlyList<T>? Read<T>(RosterObject parent, string name, bool required, ItemShape<T> shape, string? whenEmpty = null)
    {
        var elements = parent.Array(name, required);
        if (elements is null)
        {
            return null;
        }

        if (elements.Count == 0 && whenEmpty is not null)
        {
            parent.Errors.AtValue(parent.PathOf(name), whenEmpty);
        }

        var slugs = new SiblingSlugs(parent.Errors, shape.SlugWhat);
        var items = new List<T>(elements.Count);
        foreach (var (element, path) in elements)
        {
            if (RosterObject.Open(element, path, parent.Errors, shape.What, shape.Fields) is { } o)
            {
                var item = shape.Read(o);
                slugs.Claim(shape.SlugOf(item), o.PathOf(shape.Fields[0]));
                items.Add(item);
            }
        }

        return items;
    }
}
