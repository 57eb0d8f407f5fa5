using System.Text.Json;
using System.Text.RegularExpressions;

namespace GongGrid.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile, its continuation lines joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage);

/// <summary>
/// A Dockerfile read the way the builder reads it: comments dropped, backslash continuations joined, instructions
/// numbered by the build stage they belong to. Enough of the format to check a file against the project without a
/// container engine.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>The images each stage starts FROM, in order.</summary>
    public IReadOnlyList<string> Images => [.. All("FROM").Select(from => from.Arguments.Split(' ')[0])];

    /// <summary>The last stage's instructions: what the image runs with.</summary>
    public IReadOnlyList<DockerInstruction> Final => [.. Instructions.Where(instruction => instruction.Stage == Instructions[^1].Stage)];

    public static Dockerfile Read(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = Spaces().Replace(pending + line, " ").Trim();
            pending = "";
            var space = whole.IndexOf(' ');
            var keyword = whole[..space].ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            instructions.Add(new DockerInstruction(keyword, whole[(space + 1)..], stage));
        }
        return new Dockerfile(instructions);
    }

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(instruction => instruction.Keyword == keyword);

    /// <summary>The final stage's one <paramref name="keyword"/> instruction (USER, ENTRYPOINT, HEALTHCHECK…).</summary>
    public string Only(string keyword) => Assert.Single(Final, instruction => instruction.Keyword == keyword).Arguments;

    /// <summary>An exec-form instruction's words: ENTRYPOINT ["dotnet", "X.dll"].</summary>
    public static string[] ExecForm(string arguments) => JsonSerializer.Deserialize<string[]>(arguments)
        ?? throw new FormatException($"not an exec form: {arguments}");

    /// <summary>The final stage's ENV settings, KEY=VALUE pairs of every ENV instruction.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Final.Where(instruction => instruction.Keyword == "ENV")
            .SelectMany(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    public IReadOnlyList<int> ExposedPorts => [.. Final.Where(instruction => instruction.Keyword == "EXPOSE")
        .SelectMany(instruction => instruction.Arguments.Split(' ')).Select(int.Parse)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
