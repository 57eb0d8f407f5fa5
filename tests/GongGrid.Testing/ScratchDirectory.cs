namespace GongGrid.Testing;

/// <summary>A fresh temporary directory for one test: the silo's working directory, data directory and input files.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gonggrid-silo-").FullName;

    /// <summary>The silo's data directory (its SQLite file), inside the scratch directory.</summary>
    public string Data => System.IO.Path.Combine(Path, "data");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    public string WriteLines(string name, IEnumerable<string> lines)
    {
        var file = File(name);
        System.IO.File.WriteAllLines(file, lines);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
