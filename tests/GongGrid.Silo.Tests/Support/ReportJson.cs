using System.Text.Json;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests.Support;

/// <summary>What the tests read from <c>report --json</c>: each village's outcome, and the district's totals.</summary>
public sealed record ReportJson(IReadOnlyDictionary<string, VillageOutcome> Villages, int OnTimeTotal)
{
    /// <summary>Parses the whole standard output: it must be the report and nothing else, so a script can use it.</summary>
    public static ReportJson Parse(SiloRun report)
    {
        Assert.True(report.ExitCode == 0, $"report failed: {report}");
        using var document = JsonDocument.Parse(report.Text);
        var root = document.RootElement;
        var villages = root.GetProperty("communes").EnumerateArray()
            .SelectMany(commune => commune.GetProperty("villages").EnumerateArray())
            .ToDictionary(
                village => village.GetProperty("villageKey").GetString()!,
                village => new VillageOutcome(
                    village.GetProperty("outcome").GetProperty("kind").GetString()!,
                    village.GetProperty("outcome").GetProperty("strikeCount").GetInt32()));
        return new ReportJson(villages, root.GetProperty("summary").GetProperty("totals").GetProperty("onTime").GetInt32());
    }
}

/// <summary>A village's outcome in the report: its kind as the JSON names it ("OnTime", "Incomplete", ...) and its strikes.</summary>
public sealed record VillageOutcome(string Kind, int StrikeCount);
