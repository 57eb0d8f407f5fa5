using GongGrid.Grains.Roster;
using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>A roster with mistakes is refused whole: every mistake is named with its line, and nothing is imported.</summary>
public sealed class InvalidRosterTests
{
    [Fact]
    public async Task An_invalid_roster_is_refused_whole_and_nothing_is_imported()
    {
        using var scratch = new ScratchDirectory();
        var communes = KillHuyen.Roster.Communes.ToList();
        var villages = communes[0].Villages.ToList();
        var duplicate = villages[0].Slug;
        villages[1] = villages[1] with { Slug = duplicate };
        communes[0] = communes[0] with { Villages = villages };
        var lines = RosterJsonWriter.Write(KillHuyen.Roster with { Communes = communes }).Split('\n');
        var conditionIndex = Array.FindIndex(lines, line => line.Contains("\"condition\":\"ok\"", StringComparison.Ordinal));
        lines[conditionIndex] = lines[conditionIndex].Replace("\"condition\":\"ok\"", "\"condition\":\"broken\"", StringComparison.Ordinal);
        var duplicateIndex = Array.FindLastIndex(lines, line => line.Trim() == $"\"slug\": \"{duplicate}\",");
        scratch.Write("roster.json", string.Join('\n', lines));

        var import = await SiloProcess.RunAsync(scratch.Path, "import", "roster.json", "--data", scratch.Data);

        Assert.True(import.ExitCode == 1, import.ToString());
        Assert.Equal(3, import.Output.Count);
        Assert.Contains(import.Output, line => line.StartsWith($"roster.json:{conditionIndex + 1}:", StringComparison.Ordinal)
            && line.Contains(".condition: 'broken' is not a device condition; expected one of ok, damaged, lost", StringComparison.Ordinal));
        Assert.Contains(import.Output, line => line.StartsWith($"roster.json:{duplicateIndex + 1}:", StringComparison.Ordinal)
            && line.Contains($"$.communes[0].villages[1].slug: duplicate village slug '{duplicate}'", StringComparison.Ordinal));
        Assert.Equal("2 error(s); nothing was imported.", import.Output[^1]);

        var report = await SiloProcess.RunAsync(scratch.Path, "report", KillHuyen.Key, "--data", scratch.Data, "--night", KillHuyen.Night, "--json");

        Assert.Equal(1, report.ExitCode);
        Assert.Empty(report.Output);
        Assert.Equal($"gonggrid: District '{KillHuyen.Key}' is not in the roster; import one first.", report.Errors.Trim());
    }
}
