namespace GongGrid.Silo.Commands;

/// <summary>A configuration setting written out in full on the command line: <c>--Section:Key=value</c>.</summary>
public static class ConfigurationSetting
{
    public static bool Is(string word) =>
        word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var equals and > 2 && word.AsSpan(2, equals - 2).Contains(':');
}
