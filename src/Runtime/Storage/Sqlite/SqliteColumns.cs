using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongGrid.Runtime.Storage.Sqlite;

/// <summary>How keys and times map onto columns, shared by the grain state and reminder tables.</summary>
internal static class SqliteColumns
{
    /// <summary>Adds the key parameters $type, $key and $name.</summary>
    public static SqliteCommand WithKey(this SqliteCommand command, GrainId grainId, string name)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", name);
        return command;
    }

    /// <summary>ISO 8601 in UTC: readable in the sqlite3 shell, exact to the tick.</summary>
    public static string ToUtcText(DateTimeOffset time) =>
        time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromUtcText(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
