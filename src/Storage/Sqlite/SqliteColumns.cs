using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>How keys and times map onto columns, shared by the grain state and reminder tables.</summary>
internal static class SqliteColumns
{
    /// <summary>Adds the key parameters $grain and $name.</summary>
    public static SqliteCommand WithKey(this SqliteCommand command, GrainId grainId, string name)
    {
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", name);
        return command;
    }

    /// <summary>ISO 8601 in UTC: readable in the sqlite3 shell, exact to the tick.</summary>
    public static string ToUtcText(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static DateTime FromUtcText(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
