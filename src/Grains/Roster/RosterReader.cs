using System.Text;
using System.Text.Json;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>
/// Reads a district roster file (JSON, described in docs/roster.md) and checks all of it. Every error is
/// reported with its file, line, column and JSON path; only a file without errors gives a roster.
/// </summary>
public static class RosterReader
{
    // Rosters are kept by hand too: comments and trailing commas are harmless and allowed.
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="json">The roster text.</param>
    /// <param name="sourceName">What to call the text in errors, usually its file name.</param>
    public static RosterReadResult Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var index = JsonLineIndex.Build(utf8, ReaderOptions);
        var errors = new RosterErrors(sourceName, index);
        foreach (var problem in index.Problems)
        {
            errors.Add(problem);
        }

        if (!index.IsWellFormed)
        {
            return new RosterReadResult(null, errors.InFileOrder());
        }

        using var document = JsonDocument.Parse(utf8, DocumentOptions);
        var roster = ReadDistrict(document.RootElement, errors);
        return errors.Count == 0 ? new RosterReadResult(roster, []) : new RosterReadResult(null, errors.InFileOrder());
    }

    /// <summary>Reads the roster file at <paramref name="path"/>, naming it by its file name in errors.</summary>
    public static RosterReadResult ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

    private static DistrictRoster? ReadDistrict(JsonElement root, RosterErrors errors)
    {
        var d = RosterObject.Open(root, JsonPath.Root, errors, "a district roster", "key", "name", "settings", "communes");
        if (d is null)
        {
            return null;
        }

        var key = d.Slug("key");
        var name = d.Text("name");
        var settings = SettingsReader.ReadDistrictSettings(d);
        var communes = RosterItems.Read(d, "communes", required: true, CommuneReader.Shape(settings), "a district needs at least one commune") ?? [];
        return new DistrictRoster(key, name, settings, communes);
    }
}
