using System.Diagnostics;
using System.Text.RegularExpressions;
using GongGrid.Testing.Processes;

namespace GongGrid.Deploy.Tests;

/// <summary>
/// deploy/prometheus/alerts.yml checked by promtool (Debian's prometheus package; scripts/test.sh installs it): the
/// rules load, alerts.test.yml's series make each alert fire when and only when it should, and every metric a rule
/// reads is one the silo or the bridge exports.
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly string Rules = ProjectOutput.RepositoryFile("deploy/prometheus/alerts.yml");

    [Fact]
    public async Task Promtool_loads_the_rules()
    {
        var (exitCode, output) = await PromtoolAsync("check", "rules", Rules);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Each_alert_fires_on_the_series_it_is_for_and_at_the_time_it_is_for()
    {
        var (exitCode, output) = await PromtoolAsync("test", "rules", ProjectOutput.RepositoryFile("deploy/prometheus/alerts.test.yml"));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Every_metric_the_rules_read_is_one_the_grid_exports()
    {
        var exported = SourceFiles().SelectMany(file => InstrumentName().Matches(File.ReadAllText(file)))
            .Select(match => match.Groups["name"].Value.Replace('.', '_'))
            .SelectMany(name => new[] { name, name + "_total", name + "_seconds" })
            .Append("up")
            .ToHashSet();
        var read = MetricName().Matches(File.ReadAllText(Rules)).Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.Contains("gonggrid_night_villages", read);
        Assert.All(read, name => Assert.True(exported.Contains(name), $"alerts.yml reads {name}, which neither the silo nor the bridge exports"));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(ProjectOutput.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories);

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var promtool = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
        var output = promtool.StandardOutput.ReadToEndAsync();
        var errors = promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, await output + await errors);
    }

    /// <summary>An instrument created in the source: <c>"gonggrid.night.villages"</c>.</summary>
    [GeneratedRegex(@"""(?<name>gonggrid\.[a-z_.]+)""")]
    private static partial Regex InstrumentName();

    /// <summary>A metric a rule reads: a gonggrid_ name, or up.</summary>
    [GeneratedRegex(@"\b(?<name>gonggrid_[a-z_]+|up)\b(?=\s*[{)])")]
    private static partial Regex MetricName();
}
