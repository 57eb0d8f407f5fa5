using System.Globalization;
using System.Text.Json;
using SlugRules = GongGrid.Grains.Interfaces.Roster.Slug;

namespace GongGrid.Grains.Roster;

/// <summary>
/// One JSON object of the roster being read, with typed accessors that report a missing property, a wrong
/// type or an out-of-range value as an error and return a placeholder so reading can go on and find the
/// next error. The placeholder never escapes: a roster with any error is not returned.
/// </summary>
internal sealed class RosterObject
{
    private readonly JsonElement _element;

    private RosterObject(JsonElement element, string path, RosterErrors errors)
    {
        _element = element;
        Path = path;
        Errors = errors;
    }

    public string Path { get; }

    public RosterErrors Errors { get; }

    /// <summary>Opens <paramref name="element"/> as <paramref name="what"/>; reports a non-object and unknown properties.</summary>
    public static RosterObject? Open(JsonElement element, string path, RosterErrors errors, string what, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.AtValue(path, $"expected {what} (a JSON object), found {JsonValues.Describe(element)}");
            return null;
        }

        foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.AtName(JsonPath.Property(path, property.Name), UnknownPropertyMessage(property.Name, what, allowed));
        }

        return new RosterObject(element, path, errors);
    }

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public string PathOf(string name) => JsonPath.Property(Path, name);

    /// <summary>A required string that is not empty or blank.</summary>
    public string Text(string name)
    {
        var text = String(name);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Errors.AtValue(PathOf(name), $"'{name}' must not be empty");
        }

        return text ?? "";
    }

    /// <summary>A required slug: lowercase ASCII letters and digits in groups joined by single hyphens.</summary>
    public string Slug(string name)
    {
        var slug = String(name);
        if (slug is { Length: > SlugRules.MaxLength })
        {
            Errors.AtValue(PathOf(name), $"the slug is {slug.Length} characters long; a slug has at most {SlugRules.MaxLength}");
        }
        else if (slug is not null && !SlugRules.IsValid(slug))
        {
            var suggestion = SlugRules.FromName(slug);
            var hint = SlugRules.IsValid(suggestion) ? $", e.g. '{suggestion}'" : "";
            Errors.AtValue(PathOf(name), $"'{slug}' is not a valid slug; use lowercase ASCII letters and digits joined by single hyphens{hint}");
        }

        return slug ?? "";
    }

    /// <summary>A string, or null (reported) when missing or not a string.</summary>
    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        Errors.AtValue(PathOf(name), $"'{name}' must be a string, found {JsonValues.Describe(value)}");
        return null;
    }

    public double Number(string name, double min, double max)
    {
        if (!TryGet(name, out var value))
        {
            return min;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            Errors.AtValue(PathOf(name), $"'{name}' must be a number, found {JsonValues.Describe(value)}");
            return min;
        }

        if (number < min || number > max)
        {
            Errors.AtValue(PathOf(name), $"'{name}' is {Invariant(number)}, out of range; expected {Invariant(min)} to {Invariant(max)}");
        }

        return number;
    }

    public long Integer(string name, long min, long max)
    {
        if (!TryGet(name, out var value))
        {
            return min;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Errors.AtValue(PathOf(name), $"'{name}' must be a whole number, found {JsonValues.Describe(value)}");
            return min;
        }

        if (number < min || number > max)
        {
            Errors.AtValue(PathOf(name), $"'{name}' is {Invariant(number)}, out of range; expected {Invariant(min)} to {Invariant(max)}");
        }

        return number;
    }

    /// <summary>One of a fixed set of kebab-case names, e.g. a device condition.</summary>
    public T Choice<T>(string name, RosterChoices<T> choices)
        where T : struct, Enum
    {
        var text = String(name);
        if (text is null)
        {
            return default;
        }

        if (choices.TryParse(text, out var value))
        {
            return value;
        }

        Errors.AtValue(PathOf(name), $"'{text}' is not a {choices.What}; expected one of {string.Join(", ", choices.Names)}");
        return default;
    }

    /// <summary>The items of an array property with their paths; null when absent (reported if required) or not an array.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)>? Array(string name, bool required)
    {
        if (!(required ? TryGet(name, out var value) : _element.TryGetProperty(name, out value)))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.AtValue(PathOf(name), $"'{name}' must be an array, found {JsonValues.Describe(value)}");
            return null;
        }

        var path = PathOf(name);
        return [.. value.EnumerateArray().Select((item, i) => (item, JsonPath.Index(path, i)))];
    }

    /// <summary>A nested object; null when absent (reported if required) or not an object.</summary>
    public RosterObject? Object(string name, bool required, string what, params string[] allowed)
    {
        var present = required ? TryGet(name, out var value) : _element.TryGetProperty(name, out value);
        return present ? Open(value, PathOf(name), Errors, what, allowed) : null;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (_element.TryGetProperty(name, out value))
        {
            return true;
        }

        Errors.Within(Path, PathOf(name), $"required property '{name}' is missing");
        return false;
    }

    private static string UnknownPropertyMessage(string name, string what, string[] allowed)
    {
        var closest = NameSuggestion.Closest(name, allowed);
        var hint = closest is null ? "" : $" (did you mean '{closest}'?)";
        return $"unknown property '{name}' in {what}{hint}; allowed: {string.Join(", ", allowed)}";
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
