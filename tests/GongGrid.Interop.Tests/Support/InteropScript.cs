using System.ComponentModel;
using System.Diagnostics;

namespace GongGrid.Interop.Tests.Support;

/// <summary><c>node tests/interop/grpc-interop.mjs</c>: the grpc-js checks, with the packages scripts/test.sh installs.</summary>
public static class InteropScript
{
    private const string Install = "scripts/test.sh installs node and runs `npm ci --prefix tests/interop`; run it once";

    /// <summary>The script's checks take seconds; this only stops a hung run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static async Task<ScriptRun> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var directory = InstalledDirectory(Path.Combine("@grpc", "grpc-js"));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("grpc-interop.mjs");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = StartNode(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            return new ScriptRun(-1, $"{await output}\n(killed: still running after {Deadline})", await errors);
        }

        return new ScriptRun(process.ExitCode, await output, await errors);
    }

    /// <summary>tests/interop, once <paramref name="package"/> is in its node_modules; otherwise the failure says how to install.</summary>
    public static string InstalledDirectory(string package)
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "interop");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", package)))
        {
            throw new InvalidOperationException($"{directory}/node_modules is missing: {Install}.");
        }

        return directory;
    }

    /// <summary>Starts node; when it is not on PATH the failure says how to install it.</summary>
    public static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException($"node is not on PATH ({missing.Message}): {Install}.", missing);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GongGrid.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GongGrid.sln above {AppContext.BaseDirectory}: the interop test runs from the repository's build output.");
    }
}

/// <summary>How the script ended: its exit code, the lines it printed per check, and anything on standard error.</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}{(Errors.Length == 0 ? "" : $"\nstandard error:\n{Errors}")}";
}
