using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>
/// The silo's command line answers --help without starting anything, and names wrong arguments with exit code 2
/// before any silo starts (issue 14: `GongGrid.Silo --help` used to start the demo).
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_the_commands_and_starts_nothing(string help)
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, help);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Output, line => line.TrimStart().StartsWith("Usage:", StringComparison.Ordinal));
        foreach (var command in new[] { "demo", "serve", "import <ROSTER.json>", "ingest <EVENTS.jsonl>", "report <DISTRICT>", "token" })
        {
            Assert.Contains(run.Output, line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
        }
        Assert.False(Directory.Exists(scratch.Data), "--help created a data directory: it started the demo.");
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("serve")]
    [InlineData("import")]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("token")]
    public async Task Every_command_answers_help_and_starts_nothing(string command)
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Output, line => line.Contains($"GongGrid.Silo {command}", StringComparison.Ordinal));
        Assert.False(Directory.Exists(scratch.Data), $"{command} --help created a data directory.");
    }

    [Fact]
    public async Task Import_without_a_roster_path_names_the_missing_argument()
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, "import", "--data", scratch.Data);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("ROSTER.json", run.Errors, StringComparison.Ordinal);
        Assert.Contains("missing", run.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(scratch.Data));
    }

    [Fact]
    public async Task Report_names_a_night_that_is_not_a_date()
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, "report", KillHuyen.Key, "--data", scratch.Data, "--night", "2026-13-45");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--night '2026-13-45' is not a date such as 2026-11-22.", run.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Data));
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--speed=fast", "--speed 'fast' is not a speed")]
    [InlineData("--GongGrid:Storage", "write it as --GongGrid:Storage=VALUE")]
    public async Task Wrong_options_are_named_and_start_nothing(string option, string named)
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, "ingest", "events.jsonl", "--data", scratch.Data, option);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Data));
    }

    [Fact]
    public async Task An_unknown_command_is_named_with_the_commands_there_are()
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, "replay");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("unknown command 'replay'; the commands are demo, serve, import, ingest, report, token, db.", run.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.Data));
    }
}
