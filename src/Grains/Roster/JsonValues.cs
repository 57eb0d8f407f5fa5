using System.Text.Json;

namespace GongGrid.Grains.Roster;

/// <summary>Describes a JSON value in an error message ("string \"230\"", "an array").</summary>
internal static class JsonValues
{
    private const int MaxShown = 40;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"number {Shorten(value.GetRawText())}",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static string Shorten(string text) => text.Length <= MaxShown ? text : text[..MaxShown] + "…";
}
