using System.CommandLine;
using System.CommandLine.Help;

namespace GongGrid.Silo.Commands;

/// <summary>
/// The silo's command line: demo (also what runs without a command), serve, import, ingest, report, token and db, each
/// declaring its own options. Wrong arguments are named on standard error with exit code 2 before anything starts;
/// a command that fails at run time (a missing file, a district not imported) exits 1; Ctrl-C and SIGTERM cancel
/// the running command.
/// </summary>
public static class GridCommandLine
{
    /// <summary>How long a cancelled command may take to stop its silo cleanly before the process ends regardless.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    public static RootCommand Create()
    {
        var demo = new DemoCommand();
        var root = new RootCommand("GongGrid silo: a grid of grains for district-wide gong networks. Without a command it plays the demo.")
        {
            demo, new ServeCommand(), new ImportCommand(), new IngestCommand(), new ReportCommand(), new TokenCommand(), new DatabaseCommand(),
        };
        foreach (var option in demo.Options)
        {
            root.Options.Add(option);
        }
        root.Action = demo.Action;
        root.TreatUnmatchedTokensAsErrors = demo.TreatUnmatchedTokensAsErrors;
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        // No @response files: a word starting with @ means itself, as it always has here.
        var parsed = Create().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var mistakes = Mistakes(parsed);
        if (mistakes.Count > 0)
        {
            mistakes.ForEach(mistake => Console.Error.WriteLine($"gonggrid: {mistake}"));
            var command = parsed.CommandResult.Command is RootCommand ? "" : $" {parsed.CommandResult.Command.Name}";
            Console.Error.WriteLine($"Run 'GongGrid.Silo{command} --help' for usage.");
            return 2;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = StopPatience });
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or KeyNotFoundException or IOException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"gonggrid: {error.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("gonggrid: stopped before the command finished.");
            return 1;
        }
    }

    /// <summary>
    /// The parser's errors, and the words it could not place: a configuration setting passes through to the host of a
    /// command that starts one; anything else is a mistake. None when help was asked for.
    /// </summary>
    private static List<string> Mistakes(ParseResult parsed)
    {
        if (parsed.Action is HelpAction)
        {
            return [];
        }
        var mistakes = parsed.Errors.Select(error => error.Message).ToList();
        if (!parsed.CommandResult.Command.TreatUnmatchedTokensAsErrors)
        {
            mistakes.AddRange(parsed.UnmatchedTokens.Where(word => !ConfigurationSetting.Is(word)).Select(word => Unrecognised(word, parsed.CommandResult.Command)));
        }
        return mistakes;
    }

    private static string Unrecognised(string word, Command command) => word switch
    {
        _ when word.StartsWith("--", StringComparison.Ordinal) && word.Contains(':', StringComparison.Ordinal) =>
            $"'{word}' looks like a configuration setting; write it as {word}=VALUE.",
        _ when word.StartsWith('-') => $"unknown option '{word}'.",
        _ when command is RootCommand => $"unknown command '{word}'; the commands are {string.Join(", ", command.Subcommands.Select(subcommand => subcommand.Name))}.",
        _ => $"unexpected argument '{word}'.",
    };
}
