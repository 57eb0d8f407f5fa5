using System.CommandLine;
using GongGrid.Silo.Time;

namespace GongGrid.Silo.Commands;

/// <summary>
/// The options of every command that starts a silo: where it keeps its data (--data, --storage), the grid's clock
/// (--clock, --speed), and any configuration setting written out in full (--GongGrid:Api:Listen=…,
/// --Logging:LogLevel:Default=…), which the parser leaves unmatched and the host's configuration reads.
/// </summary>
public sealed class HostOptions
{
    private readonly Option<string?> _data = new("--data") { Description = "The data directory (GongGrid:DataDirectory).", HelpName = "DIR" };
    private readonly Option<string?> _storage = new("--storage") { Description = "Where grain state is kept: sqlite (the default), memory, or postgres (a cluster member; GongGrid:Postgres) (GongGrid:Storage)." };
    private readonly Option<DateTimeOffset?> _clock = CheckedOption.Instant("--clock", "Run the grid's clock from this instant instead of real time.");
    private readonly Option<double> _speed;

    public HostOptions(double defaultSpeed = 1)
    {
        _speed = CheckedOption.Speed("--speed", "How many times real time the grid's clock runs.");
        _speed.DefaultValueFactory = _ => defaultSpeed;
    }

    /// <summary>Adds these options to <paramref name="command"/> and lets configuration settings through it.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        command.Options.Add(_storage);
        command.Options.Add(_clock);
        command.Options.Add(_speed);
        command.TreatUnmatchedTokensAsErrors = false; // GridCommandLine rejects the unmatched words that are not settings
        command.Description += " Additional arguments are configuration settings for the silo, written --Section:Key=VALUE (--Logging:LogLevel:Default=Warning).";
    }

    public string? Data(ParseResult parsed) => parsed.GetValue(_data);

    public double Speed(ParseResult parsed) => parsed.GetValue(_speed);

    /// <summary>
    /// Arguments for the host's configuration: --data and --storage become GongGrid settings, and the settings
    /// written out in full pass through in the order given.
    /// </summary>
    public string[] HostArgs(ParseResult parsed, string? dataDirectory = null)
    {
        var hostArgs = new List<string>();
        if ((dataDirectory ?? Data(parsed)) is { } data)
        {
            hostArgs.Add($"--GongGrid:DataDirectory={data}");
        }
        if (parsed.GetValue(_storage) is { } storage)
        {
            hostArgs.Add($"--GongGrid:Storage={storage}");
        }
        hostArgs.AddRange(parsed.UnmatchedTokens.Where(ConfigurationSetting.Is));
        return [.. hostArgs];
    }

    /// <summary>The grid's clock: real time, or from --clock (else <paramref name="defaultStart"/>) onwards at --speed.</summary>
    public TimeProvider Clock(ParseResult parsed, DateTimeOffset? defaultStart = null)
    {
        var start = parsed.GetValue(_clock) ?? defaultStart;
        return start is null ? TimeProvider.System : new AcceleratedTimeProvider(start.Value, Speed(parsed));
    }
}
