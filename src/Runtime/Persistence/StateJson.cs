using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GongGrid.Runtime.Persistence;

/// <summary>How grain state is written as JSON: enums by name, and Vietnamese letters as themselves.</summary>
public static class StateJson
{
    /// <summary>
    /// Unescaped non-ASCII text keeps stored state about a third smaller; state JSON never goes into a web page,
    /// so the relaxed encoder's only risk (HTML injection) does not apply.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
