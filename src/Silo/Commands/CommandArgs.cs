using System.Globalization;

namespace GongGrid.Silo.Commands;

/// <summary>
/// A command line: positional words and --name value options. Options that configure the host (--data,
/// --storage) are turned into configuration keys; --clock and --speed set the grid's clock.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public CommandArgs(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        for (var index = 0; index < args.Count; index++)
        {
            var word = args[index];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(word);
                continue;
            }
            var name = word[2..];
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                _options[name[..equals]] = name[(equals + 1)..];
            }
            else if (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _options[name] = args[++index];
            }
            else
            {
                _options[name] = "true"; // a flag such as --json
            }
        }
        Positional = words;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public double Number(string name, double fallback) =>
        Option(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} '{text}' is not a number.")
            : fallback;

    public DateTimeOffset? Instant(string name) =>
        Option(name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw new ArgumentException($"--{name} '{text}' is not a date and time such as 2026-11-22T21:55:00+07:00.")
            : null;

    public DateOnly? Date(string name) =>
        Option(name) is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw new ArgumentException($"--{name} '{text}' is not a date such as 2026-11-22.")
            : null;

    /// <summary>
    /// Arguments for the host's configuration: --data and --storage become GongGrid settings, and any setting
    /// written out in full (--GongGrid:Api:Listen=…, --Logging:LogLevel:Default=…) passes through.
    /// </summary>
    public string[] HostArgs(string? dataDirectory = null)
    {
        var hostArgs = new List<string>();
        if ((dataDirectory ?? Option("data")) is { } data)
        {
            hostArgs.Add($"--GongGrid:DataDirectory={data}");
        }
        if (Option("storage") is { } storage)
        {
            hostArgs.Add($"--GongGrid:Storage={storage}");
        }
        hostArgs.AddRange(_options.Where(option => option.Key.Contains(':', StringComparison.Ordinal)).Select(option => $"--{option.Key}={option.Value}"));
        return [.. hostArgs];
    }

    /// <summary>The grid's clock: real time, or from --clock onwards at --speed times real time.</summary>
    public TimeProvider Clock(DateTimeOffset? defaultStart = null, double defaultSpeed = 1)
    {
        var start = Instant("clock") ?? defaultStart;
        return start is null ? TimeProvider.System : new Time.AcceleratedTimeProvider(start.Value, Number("speed", defaultSpeed));
    }
}
