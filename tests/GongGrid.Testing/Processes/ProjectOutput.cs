namespace GongGrid.Testing.Processes;

/// <summary>
/// Finds files of the repository the tests run from, and the build output of another project built in the same
/// configuration: a test in tests/X/bin/Release/net10.0/ finds the silo in src/Silo/bin/Release/net10.0/. Each
/// executable then runs from its own output directory with its own appsettings.json (copied into one test output
/// directory, two executables' settings files would overwrite each other).
/// </summary>
public static class ProjectOutput
{
    private static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The directory holding GongGrid.sln, above the running tests.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A file of the repository, by its path from the root ("samples/ngoc-lac.roster.json").</summary>
    public static string RepositoryFile(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relativePath} is not in the repository at {RepositoryRoot}.", path);
    }

    /// <summary>
    /// <paramref name="fileName"/> in the output of the project in <paramref name="projectDirectory"/> (from the
    /// root, "src/Silo"), else beside the running tests.
    /// </summary>
    public static string Find(string projectDirectory, string fileName)
    {
        var framework = TestOutput.Name;
        var configuration = TestOutput.Parent?.Name ?? "Debug";
        string[] candidates =
        [
            Path.Combine(RepositoryRoot, projectDirectory, "bin", configuration, framework, fileName),
            Path.Combine(TestOutput.FullName, fileName),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{fileName} is not built; looked in {string.Join(", ", candidates)}. Build the solution first.");
    }

    private static string FindRoot()
    {
        for (var directory = TestOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GongGrid.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No GongGrid.sln above {TestOutput.FullName}.");
    }
}
